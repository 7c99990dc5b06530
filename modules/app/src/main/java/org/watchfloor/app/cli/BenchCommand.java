package org.watchfloor.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.watchfloor.app.bench.BenchReport;
import org.watchfloor.app.bench.BenchResult;
import org.watchfloor.app.bench.BenchRunner;
import org.watchfloor.model.config.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures the pipeline end to end on the embedded stack and writes the figures as JSON and Markdown. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {
      "End-to-end benchmark on a fresh embedded Kafka broker and Elasticsearch",
      "node (loopback, removed on exit). First a baseline on the same broker:",
      "plain produce+consume, and an exactly-once pass-through Streams app.",
      "Then unmeasured warm-up articles (--warm-up), then synthetic raw articles",
      "(1-8 KB, actors, topics, tension words) at a controlled rate through the",
      "enricher, indexer and alerting stages. Reports throughput per stage and",
      "end to end, latency p50/p95/p99 from raw produce to searchable in",
      "Elasticsearch and to alert delivered (a loopback webhook on a rule that",
      "matches one article in --marker-every), peak RSS of this JVM and of",
      "Elasticsearch, and consumer lag over time. Writes bench-<time>.json and",
      "bench-<time>.md to --out and prints the Markdown table.",
      "",
      "Examples:",
      "  watchfloor bench                              500/s for 60 s",
      "  watchfloor bench --rate 3000 --duration 30s   the throughput ceiling",
      "  watchfloor bench --rate 200 --articles 2000   a quick smoke run"
    })
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "DIR",
      description = "Config folder whose actors, topics and tension files the enricher uses. Default: config/.")
  Path config;

  @Option(names = "--rate", paramLabel = "N", defaultValue = "500",
      description = "Articles per second produced to the raw topic; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s",
      description = "How long to produce, e.g. 30s or 2m (default: ${DEFAULT-VALUE}); ignored with --articles.")
  String duration;

  @Option(names = "--articles", paramLabel = "N", defaultValue = "0",
      description = "Produce exactly this many articles instead of rate x duration.")
  long articles;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results",
      description = "Where the JSON and Markdown results go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--sample-every", paramLabel = "N", defaultValue = "50",
      description = "Measure raw-to-searchable latency on every N-th article (default: ${DEFAULT-VALUE}).")
  int sampleEvery;

  @Option(names = "--marker-every", paramLabel = "N", defaultValue = "100",
      description = "Every N-th article matches the benchmark's alert rule (default: ${DEFAULT-VALUE}).")
  int markerEvery;

  @Option(names = "--baseline-articles", paramLabel = "N", defaultValue = "20000",
      description = "Articles in each baseline measurement (default: ${DEFAULT-VALUE}).")
  long baselineArticles;

  @Option(names = "--drain-timeout", paramLabel = "DURATION", defaultValue = "120s",
      description = "How long to wait after producing for the pipeline to catch up (default: ${DEFAULT-VALUE}).")
  String drainTimeout;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
      description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--warm-up", paramLabel = "N", defaultValue = "3000",
      description = "Unmeasured articles sent through first, so that start-up and JIT compilation are left out "
          + "(default: ${DEFAULT-VALUE}).")
  long warmUp;

  @Override
  public Integer call() {
    Path configDir = config != null ? config : ServiceOptions.defaultConfigDir();
    Duration d = Durations.parse(duration);
    BenchResult result = BenchRunner.run(new BenchRunner.Options(rate, d, articles, configDir, sampleEvery,
        markerEvery, baselineArticles, Durations.parse(drainTimeout), partitions, warmUp));
    Path json = BenchReport.write(result, out);
    System.out.println(BenchReport.markdown(result));
    System.out.println("Results written to " + json.toAbsolutePath() + " (and .md beside it)");
    return result.counts().drained() ? 0 : 1;
  }
}
