package org.watchfloor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOverOneToHundred() {
    List<Long> values = new ArrayList<>();
    for (long i = 1; i <= 100; i++) {
      values.add(i);
    }
    Collections.shuffle(values);
    Percentiles p = Percentiles.of(values);
    assertThat(p.count()).isEqualTo(100);
    assertThat(p.p50()).isEqualTo(50);
    assertThat(p.p95()).isEqualTo(95);
    assertThat(p.p99()).isEqualTo(99);
    assertThat(p.max()).isEqualTo(100);
  }

  @Test
  void oneSlowSampleInTwentyShowsAtP99ButNotAtP50() {
    List<Long> values = new ArrayList<>(Collections.nCopies(19, 100L));
    values.add(5000L);
    Percentiles p = Percentiles.of(values);
    assertThat(p.p50()).isEqualTo(100);
    assertThat(p.p99()).isEqualTo(5000);
  }

  @Test
  void noSamplesGiveMinusOne() {
    assertThat(Percentiles.of(List.of())).isEqualTo(new Percentiles(0, -1, -1, -1, -1));
  }
}
