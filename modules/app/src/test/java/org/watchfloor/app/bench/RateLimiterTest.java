package org.watchfloor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void fiftyPermitsAtOneHundredPerSecondTakeAboutHalfASecond() {
    RateLimiter limiter = new RateLimiter(100);
    long t0 = System.nanoTime();
    for (int i = 0; i < 51; i++) {
      limiter.acquire();
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    // paced against the start: never early; late only by scheduling noise
    assertThat(millis).isGreaterThanOrEqualTo(499);
  }

  @Test
  void zeroRateMeansNoLimit() {
    RateLimiter limiter = new RateLimiter(0);
    long t0 = System.nanoTime();
    for (int i = 0; i < 100_000; i++) {
      limiter.acquire();
    }
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
  }
}
