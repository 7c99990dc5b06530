package org.watchfloor.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.StageContext;

class PagesConsumerTest {
  @Test
  void readsOnlyCommittedEntriesWhateverTheKafkaSettingsSay() {
    Settings settings = Settings.of(Map.of("kafka.isolation.level", "read_uncommitted"), Path.of("."));
    StageContext ctx = new StageContext(settings, "127.0.0.1:9", null, new SimpleMeterRegistry());
    assertThat(PagesApp.consumerProperties(ctx).getProperty("isolation.level")).isEqualTo("read_committed");
  }
}
