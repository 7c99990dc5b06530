package org.watchfloor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Topics;

class DeadLettersTest {
  @Test
  void deadLettersKeepThePayloadAndNameTheReason() {
    var record = DeadLetters.record("enricher", Topics.RAW, null, "x".getBytes(StandardCharsets.UTF_8),
        new IllegalStateException("boom"), "https://example.org/a");
    assertThat(record.topic()).isEqualTo(Topics.DEAD_LETTERS);
    assertThat(DeadLetters.header(record.headers(), DeadLetters.STAGE)).isEqualTo("enricher");
    assertThat(DeadLetters.header(record.headers(), DeadLetters.MESSAGE)).isEqualTo("boom");
    assertThat(DeadLetters.header(record.headers(), DeadLetters.CLASS)).isEqualTo("java.lang.IllegalStateException");
    assertThat(record.value()).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
  }
}
