package org.watchfloor.app.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.watchfloor.desk.Desk;
import org.watchfloor.desk.server.DeskSettings;
import org.watchfloor.desk.server.DeskStartException;
import org.watchfloor.model.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code watchfloor desk}: serves the desk alone against external Kafka and Elasticsearch. */
@Command(name = "desk", mixinStandardHelpOptions = true,
    description = {
      "Serve the desk alone: a live web view of the stream, the alerts inbox, trends and the pipeline.",
      "It reads the enriched and alert topics itself (no consumer group, nothing committed) and history from",
      "Elasticsearch; it keeps no state of its own, so several instances can run behind a load balancer.",
      "Acknowledgements and snoozes go to the topic watchfloor.desk.actions.v1, silences to the rules topic.",
      "",
      "It listens on 127.0.0.1 unless told otherwise (--bind or desk.bind). Any other address needs",
      "WATCHFLOOR_DESK_TOKEN (then open /login?token=... once), or WATCHFLOOR_DESK_USER and",
      "WATCHFLOOR_DESK_PASSWORD (basic auth), in the environment.",
      "",
      "Examples:",
      "  watchfloor desk --kafka k1:9092 --elasticsearch http://es:9200",
      "  WATCHFLOOR_DESK_TOKEN=... watchfloor desk --config /etc/watchfloor --bind 0.0.0.0 --port 8080"
    })
public final class DeskCommand implements Callable<Integer> {
  @Mixin ServiceOptions services;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT",
      description = "Port to listen on; 0 picks a free one. Default: desk.port from watchfloor.yaml (8686).")
  Integer port;

  @Option(names = "--bind", paramLabel = "ADDRESS",
      description = "Address to listen on. Default: desk.bind from watchfloor.yaml (127.0.0.1).")
  String bind;

  @Override
  public Integer call() throws Exception {
    Settings settings = services.settings(spec.commandLine());
    String kafka = services.kafka(settings);
    if (kafka == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "no Kafka to connect to: pass --kafka HOST:PORT or set kafka.bootstrap.servers "
              + "(WATCHFLOOR_KAFKA_BOOTSTRAP_SERVERS); `watchfloor up` runs a desk with everything else");
    }
    String es = services.elasticsearch(settings);
    DeskSettings desk = DeskSettings.from(settings);
    if (port != null) {
      desk = desk.withPort(port);
    }
    if (bind != null) {
      desk = desk.withBind(bind);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Desk running;
    try {
      running = Desk.start(desk, settings, kafka, es == null ? "http://127.0.0.1:9200" : es);
    } catch (DeskStartException e) {
      spec.commandLine().getErr().println("watchfloor: desk: " + e.getMessage());
      return 2;
    }
    Thread hook = new Thread(() -> {
      stopped.countDown();
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "watchfloor-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    spec.commandLine().getOut().println("Desk: " + running.url());
    spec.commandLine().getOut().flush();
    try {
      stopped.await();
    } finally {
      running.close();
      closed.countDown();
    }
    return 0;
  }
}
