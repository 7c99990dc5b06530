package org.watchfloor.app.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void rateAndTimeLeftFollowFromWhatWasReadSoFar() {
    Progress p = new Progress(1_200, 2_800, Duration.ofSeconds(4));
    assertThat(p.rate()).isEqualTo(300.0);
    assertThat(p.eta()).isEqualTo(Duration.ofMillis(9_333));
    assertThat(p.line()).isEqualTo("1,200 of 4,000 (30 %), 300 articles/s, about 9 s left");
  }

  @Test
  void saysCaughtUpAtTheEndAndUnknownBeforeTheFirstRecord() {
    assertThat(new Progress(500, 0, Duration.ofSeconds(2)).line()).endsWith("(100 %), 250 articles/s, caught up");
    assertThat(new Progress(0, 100, Duration.ofSeconds(1)).line()).endsWith("time left unknown");
    assertThat(new Progress(0, 0, Duration.ZERO).line()).startsWith("0 of 0 (100 %)");
  }

  @Test
  void longWaitsReadInMinutesAndHours() {
    assertThat(Progress.human(Duration.ofSeconds(45))).isEqualTo("45 s");
    assertThat(Progress.human(Duration.ofSeconds(600))).isEqualTo("10 min");
    assertThat(Progress.human(Duration.ofHours(3).plusMinutes(30))).isEqualTo("3.5 h");
  }
}
