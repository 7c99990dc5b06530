package org.watchfloor.app.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.watchfloor.app.run.Pipeline;
import org.watchfloor.app.run.PipelineStatus;
import org.watchfloor.desk.server.DeskSettings;
import org.watchfloor.model.config.Durations;
import org.watchfloor.model.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs every stage in one process against the embedded stack or external services. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = {
      "Run the whole pipeline in one process: feeds, pages, enricher, indexer and alerting.",
      "Without --kafka/--elasticsearch (or their settings) it starts an embedded Kafka broker and an",
      "embedded Elasticsearch node on loopback, and removes them again on exit.",
      "Serves the desk, a live web view of the stream, alerts, trends and pipeline, at the printed URL.",
      "Shows one live status line; Ctrl-C stops everything cleanly and prints a summary line.",
      "",
      "Examples:",
      "  watchfloor up --demo --duration 90s     the local sample news site, stop after 90 s",
      "  watchfloor up                           the real feeds in config/sources.yaml",
      "  watchfloor up --kafka k1:9092 --elasticsearch https://es:9200"
    })
public final class UpCommand implements Callable<Integer> {
  @Mixin ServiceOptions services;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--demo",
      description = "Add the local sample news site (RSS 2.0, Atom and RDF feeds with their article pages) "
          + "and fetch only it.")
  boolean demo;

  @Option(names = "--duration", paramLabel = "DURATION",
      description = "Stop by itself after this long, e.g. 90s or 10m. Default: run until Ctrl-C.")
  String duration;

  @Option(names = "--desk-port", paramLabel = "PORT",
      description = "Serve the desk (the live web view) on this port of 127.0.0.1; 0 picks a free one. "
          + "Default: desk.port from watchfloor.yaml (8686).")
  Integer deskPort;

  @Option(names = "--no-desk", description = "Do not serve the desk.")
  boolean noDesk;

  @Option(names = "--status-every", paramLabel = "DURATION", defaultValue = "2s",
      description = "How often the status line refreshes (default: ${DEFAULT-VALUE}).")
  String statusEvery;

  @Override
  public Integer call() throws Exception {
    Settings settings = services.withAdminPort(services.settings(spec.commandLine()));
    if (demo) {
      // The demo fetches only its own local site; the real feeds are what `up` without --demo is for.
      settings = settings.with("feeds.sources.enabled", "false");
    }
    // External services are checked first, so that an unreachable one is named within seconds, not after start-up.
    if (services.kafka(settings) != null) {
      services.waitOptions().awaitKafka(settings, services.kafka(settings), spec.commandLine().getErr());
    }
    if (services.elasticsearch(settings) != null) {
      services.waitOptions().awaitElasticsearch(settings, services.elasticsearch(settings), spec.commandLine().getErr());
    }
    Duration limit = duration == null ? null : Durations.parse(duration);
    long every = Durations.parse(statusEvery).toMillis();
    PrintStream out = System.out;
    boolean live = System.console() != null;

    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        finished.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "watchfloor-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    Pipeline pipeline = null;
    PipelineStatus last = null;
    try {
      DeskSettings desk = null;
      if (!noDesk) {
        desk = DeskSettings.from(settings);
        if (deskPort != null) {
          desk = desk.withPort(deskPort);
        }
      }
      pipeline = Pipeline.start(new Pipeline.Options(
          settings, services.kafka(settings), services.elasticsearch(settings), demo, desk));
      out.println("Watchfloor is up.");
      out.println("  Kafka:         " + pipeline.bootstrapServers());
      out.println("  Elasticsearch: " + pipeline.elasticsearchUrl());
      if (pipeline.deskUrl() != null) {
        out.println("  Desk:          " + pipeline.deskUrl());
      } else if (pipeline.deskProblem() != null) {
        out.println("  Desk:          not started: " + pipeline.deskProblem());
      }
      if (pipeline.adminUrl() != null) {
        out.println("  Health:        " + pipeline.adminUrl() + "/health   metrics: " + pipeline.adminUrl() + "/metrics");
      }
      out.println("  Try:           curl -s '" + pipeline.elasticsearchUrl()
          + "/watchfloor-articles/_search?q=tension.level:HIGH&size=3&pretty'");
      out.println("  or:            ./watchfloor search \"missile\" --elasticsearch " + pipeline.elasticsearchUrl());
      out.println(limit == null ? "Press Ctrl-C to stop." : "Stopping by itself after " + duration + ".");
      long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
      long lastPrinted = 0;
      while (true) {
        long wait = Math.min(every, Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
        if (stop.await(wait, TimeUnit.MILLISECONDS) || System.nanoTime() >= deadline) {
          break;
        }
        last = pipeline.status();
        if (live) {
          out.print("\r" + last.statusLine() + "   ");
          out.flush();
        } else if (System.nanoTime() - lastPrinted > TimeUnit.SECONDS.toNanos(10)) {
          out.println(last.statusLine());
          lastPrinted = System.nanoTime();
        }
      }
      last = pipeline.status();
      if (live) {
        out.println();
      }
    } finally {
      if (pipeline != null) {
        PipelineStatus before = last;
        pipeline.close();
        PipelineStatus fin = PipelineStatus.of(pipeline.metrics(), before == null ? -1 : before.lag());
        out.println(pipeline.memory().summaryLine());
        out.println(fin.summaryLine());
      }
      finished.countDown();
      if (stop.getCount() == 0) {
        // Exiting because of Ctrl-C: the hook is running, don't remove it.
        out.flush();
      } else {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // The JVM is already shutting down; the hook will return at once since we are finished.
        }
      }
    }
    return 0;
  }
}
