package org.watchfloor.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import org.watchfloor.model.config.Settings;

/**
 * What a stage needs from its surroundings: settings, the config folder, where Kafka and Elasticsearch are, and the
 * registry its counters go to.
 */
public record StageContext(Settings settings, String bootstrapServers, String elasticsearchUrl, MeterRegistry metrics) {
  /** Where a Kafka Streams stage keeps its local stores unless {@code STAGE.state.dir} says otherwise. */
  public static final String DEFAULT_STATE_DIR = "./data/streams";

  public StageContext {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(metrics, "metrics");
  }

  public Path configDir() {
    return settings.configDir();
  }

  /** The state directory of the Kafka Streams stage {@code stage}: {@code STAGE.state.dir}, else the default. */
  public String stateDir(String stage) {
    return settings.get(stage + ".state.dir", DEFAULT_STATE_DIR);
  }

  /** Kafka client properties: the {@code kafka.*} pass-through plus the bootstrap servers. */
  public Properties kafkaProperties() {
    Properties p = settings.kafkaProperties();
    p.put("bootstrap.servers", bootstrapServers);
    return p;
  }
}
