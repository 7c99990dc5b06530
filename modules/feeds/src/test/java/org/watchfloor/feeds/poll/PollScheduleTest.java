package org.watchfloor.feeds.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollScheduleTest {
  @ParameterizedTest
  @CsvSource({
      "600, NEW_ENTRIES, 300",
      "400, NEW_ENTRIES, 300",          // never below the minimum
      "600, NOTHING_NEW, 900",
      "7000, NOTHING_NEW, 7200",        // never above the maximum
      "600, RETRYABLE_FAILURE, 1200",
      "600, PERMANENT_FAILURE, 7200",
      "10, NOTHING_NEW, 450",           // a stored interval out of bounds is clamped first
  })
  void adaptsWithinBounds(long currentSeconds, PollSchedule.Outcome outcome, long expectedSeconds) {
    Duration next = PollSchedule.next(Duration.ofSeconds(currentSeconds), Duration.ofMinutes(5), Duration.ofHours(2),
        outcome);
    assertThat(next).isEqualTo(Duration.ofSeconds(expectedSeconds));
  }
}
