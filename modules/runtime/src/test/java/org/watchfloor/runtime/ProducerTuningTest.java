package org.watchfloor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProducerTuningTest {
  @Test
  void setsLz4AndLargeBatchesUnlessTheOperatorSetThem() {
    Properties defaults = ProducerTuning.apply(new Properties());
    assertThat(defaults).containsEntry("compression.type", "lz4").containsEntry("batch.size", "262144");

    Properties operator = new Properties();
    operator.put("compression.type", "gzip");
    operator.put("batch.size", "32768");
    assertThat(ProducerTuning.apply(operator))
        .containsEntry("compression.type", "gzip").containsEntry("batch.size", "32768");
  }

  @Test
  void streamsPropertiesUseTheProducerPrefix() {
    Properties p = ProducerTuning.applyToStreams(new Properties());
    assertThat(p).containsEntry("producer.compression.type", "lz4").containsEntry("producer.batch.size", "262144")
        .doesNotContainKey("batch.size");
  }
}
