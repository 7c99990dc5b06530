package org.watchfloor.feeds.poll;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.feeds.FeedsApp;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * The feeds stage in a child JVM that halts itself ({@link Runtime#halt}: no flush, no close, no shutdown hook) at a
 * chosen point inside the first transaction that carries entries, after flushing what it sent so far to the broker.
 * Arguments: bootstrap, config dir, group, source name, source URL, {@link TransactionalPublisher.Point}.
 */
public final class FeedsChild {
  static final String READY = "FEEDS-CHILD-READY";
  static final String HALTING = "FEEDS-CHILD-HALTING";
  static final int HALT_STATUS = 137;

  private FeedsChild() {}

  public static void main(String[] args) {
    String bootstrap = args[0];
    Path configDir = Path.of(args[1]);
    String group = args[2];
    Source source = Source.feed(args[3], args[4], "1s", "2s", true);
    TransactionalPublisher.Point point = TransactionalPublisher.Point.valueOf(args[5]);
    TransactionalPublisher.crashHook = (at, producer) -> {
      if (at == point) {
        // The records sent so far are on the broker, inside the open transaction, when the JVM stops.
        producer.flush();
        System.out.println(HALTING + " " + at);
        System.out.flush();
        Runtime.getRuntime().halt(HALT_STATUS);
      }
    };
    Stage stage = FeedsApp.create(new StageContext(settings(group, configDir), bootstrap, null,
        new SimpleMeterRegistry()), List.of(source));
    stage.start();
    System.out.println(READY);
    System.out.flush();
  }

  static Settings settings(String group, Path configDir) {
    Map<String, String> m = new HashMap<>();
    m.put("feeds.group.id", group);
    m.put("feeds.startup.jitter", "0ms");
    m.put("feeds.threads", "2");
    m.put("feeds.http.total.timeout", "5s");
    m.put("feeds.http.rate.grace", "1s");
    // A killed member leaves the group after this, so its partitions come back quickly.
    m.put("kafka.session.timeout.ms", "6000");
    m.put("kafka.heartbeat.interval.ms", "1000");
    return Settings.of(m, configDir);
  }
}
