package org.watchfloor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.config.Settings;

class StageContextTest {
  private static StageContext context(Map<String, String> values) {
    return new StageContext(Settings.of(values, Path.of("config")), "k1:9092", null, new SimpleMeterRegistry());
  }

  @Test
  void aStreamsStageKeepsItsStateInItsOwnSettingElseInTheOneDefault() {
    StageContext ctx = context(Map.of("alerting.state.dir", "/var/lib/watchfloor/alerting"));
    assertThat(ctx.stateDir("alerting")).isEqualTo("/var/lib/watchfloor/alerting");
    assertThat(ctx.stateDir("enricher")).isEqualTo(StageContext.DEFAULT_STATE_DIR).isEqualTo("./data/streams");
  }

  @Test
  void kafkaPropertiesAreThePassThroughPlusTheBootstrapServers() {
    StageContext ctx = context(Map.of("kafka.security.protocol", "SSL", "kafka.bootstrap.servers", "ignored:1"));
    assertThat(ctx.kafkaProperties()).containsEntry("security.protocol", "SSL")
        .containsEntry("bootstrap.servers", "k1:9092");
  }
}
