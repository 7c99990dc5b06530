package org.watchfloor.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.watchfloor.app.bench.BenchReport;
import org.watchfloor.app.bench.BenchResult;
import org.watchfloor.app.bench.BenchRunner;
import org.watchfloor.model.config.Durations;
import picocli.CommandLine;
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
      "Elasticsearch, consumer lag over time, the first minute after the cold",
      "start on its own line, and where the CPU went (broker, each stage, load",
      "generator, JIT and GC, Elasticsearch). Writes bench-<time>.json and",
      "bench-<time>.md to --out and prints the Markdown table.",
      "",
      "Examples:",
      "  watchfloor bench                              500/s for 60 s",
      "  watchfloor bench --rate 3000 --duration 30s   the throughput ceiling",
      "  watchfloor bench --rate 200 --articles 2000   a quick smoke run"
    })
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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

  @Option(names = "--warm-up", paramLabel = "steady|N", defaultValue = "steady",
      description = "Unmeasured articles sent through first, so that start-up and JIT compilation are left out: "
          + "'steady' (default) sends them at the measured rate until the enrich rate of three 10 s windows agrees "
          + "within 10 %; N sends exactly N. Either way the first minute is reported on its own line.")
  String warmUp;

  @Option(names = "--max-warm-up", paramLabel = "DURATION", defaultValue = "5m",
      description = "The longest steady warm-up; past it the report says NOT STEADY (default: ${DEFAULT-VALUE}).")
  String maxWarmUp;

  @Override
  public Integer call() {
    Path configDir = config != null ? config : ServiceOptions.defaultConfigDir();
    Duration d = Durations.parse(duration);
    BenchResult result = BenchRunner.run(new BenchRunner.Options(rate, d, articles, configDir, sampleEvery,
        markerEvery, baselineArticles, Durations.parse(drainTimeout), partitions, warmUpArticles(),
        Durations.parse(maxWarmUp)));
    Path json = BenchReport.write(result, out);
    System.out.println(BenchReport.markdown(result));
    System.out.println("Results written to " + json.toAbsolutePath() + " (and .md beside it)");
    return result.counts().drained() ? 0 : 1;
  }

  /** 0 for a steady warm-up, else the fixed count. */
  private long warmUpArticles() {
    if (warmUp.equalsIgnoreCase("steady")) {
      return 0;
    }
    try {
      long n = Long.parseLong(warmUp);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new CommandLine.ParameterException(spec.commandLine(),
        "--warm-up takes 'steady' or a number of articles above 0, not '" + warmUp + "'");
  }
}
