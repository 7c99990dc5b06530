package org.watchfloor.app.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.watchfloor.app.reprocess.ReprocessException;
import org.watchfloor.app.reprocess.Reprocessor;
import org.watchfloor.classify.Classifier;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.model.config.Durations;
import org.watchfloor.model.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor reprocess}: history re-read by the current classifier, into a new generation of the indices. */
@Command(name = "reprocess", mixinStandardHelpOptions = true,
    description = {
      "Re-read history with the current classifier (its model and config files), without",
      "downtime: replays the raw topic from --since ago through the classifier into a new",
      "generation of the article indices, beside the one everybody reads, showing progress",
      "with rate and time left. Once it has caught up with the topic it moves the read alias",
      "to the new generation in one step; the live indexer follows within seconds, and this",
      "command keeps reading for --follow meanwhile. Search, the desk and Kibana read the old",
      "generation until then. Nothing is written to Kafka: the live stream is not touched and",
      "no alert is sent again. Ctrl-C (or a crash) stops it after the current batch; the same",
      "command resumes where it stopped. Story fields are kept from the documents replaced;",
      "trends are not recomputed. The raw topic must still hold the articles",
      "(pipeline.raw.retention, 30 days unless set).",
      "",
      "Examples:",
      "  watchfloor reprocess --since 30d",
      "  watchfloor reprocess --since 7d --kafka broker:9092 --elasticsearch https://es:9200"
    })
public final class ReprocessCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ServiceOptions services;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "30d",
      description = "How far back to re-read, e.g. 30d or 12h (default: ${DEFAULT-VALUE}); a resumed run keeps "
          + "its first start.")
  String since;

  @Option(names = "--follow", paramLabel = "DURATION", defaultValue = "30s",
      description = "How long to keep reading after the swap, while the live indexer moves over "
          + "(default: ${DEFAULT-VALUE}).")
  String follow;

  @Option(names = "--progress-every", paramLabel = "DURATION", defaultValue = "5s",
      description = "How often to print progress (default: ${DEFAULT-VALUE}).")
  String progressEvery;

  @Option(names = "--stop-after", paramLabel = "N", defaultValue = "0", hidden = true,
      description = "Stop, as Ctrl-C would, after N records (for tests).")
  long stopAfter;

  @Override
  public Integer call() throws Exception {
    Settings settings = services.settings(spec.commandLine());
    String kafka = services.kafka(settings);
    if (kafka == null || kafka.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "no Kafka to read the raw topic from: pass --kafka HOST:PORT or set kafka.bootstrap.servers");
    }
    Duration back = Durations.parse(since);
    String esUrl = services.elasticsearch(settings) == null ? EsClients.DEFAULT_URL : services.elasticsearch(settings);
    Classifier classifier = Classifiers.loadAndWarmUp(services.configDir());
    Properties props = settings.kafkaProperties();
    props.put("bootstrap.servers", kafka);
    ElasticsearchClient client = EsClients.create(settings, esUrl);
    Reprocessor reprocessor = new Reprocessor(props, client, classifier,
        new Reprocessor.Options(back, Durations.parse(follow), stopAfter, Durations.parse(progressEvery),
            settings.getInt("elasticsearch.replicas", 0)),
        spec.commandLine().getOut(), Clock.systemUTC());
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      reprocessor.stop();
      try {
        finished.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "watchfloor-reprocess-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Reprocessor.Result result = reprocessor.run();
      return result.swapped() ? 0 : 1;
    } catch (ReprocessException e) {
      spec.commandLine().getErr().println("watchfloor reprocess: " + e.getMessage());
      return 3;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already: the hook is running
      }
      EsClients.close(client);
    }
  }
}
