package org.watchfloor.classify.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimHashTest {
  private static final String STORY = "North Korea fired a short-range ballistic missile into the sea off its east "
      + "coast on Tuesday morning, South Korea's Joint Chiefs of Staff said. The missile flew about 350 kilometres "
      + "before splashing down outside Japan's exclusive economic zone, according to Tokyo. The JCS said the South "
      + "Korean military had stepped up surveillance and was sharing information with the United States and Japan.";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "syndicated copy with a new dateline | SEOUL (Wire) - ",
      "copy with an agency credit          | Reporting by the Seoul bureau. ",
  })
  void nearDuplicatesAreCloseInHammingDistance(String name, String prefix) {
    long original = SimHash.of(STORY);
    long copy = SimHash.of(prefix + STORY.replace("Tuesday", "Tuesday local time"));
    assertThat(SimHash.hammingDistance(original, copy)).isLessThanOrEqualTo(12);
  }

  @Test
  void differentStoriesAreFarApart() {
    long a = SimHash.of(STORY);
    long b = SimHash.of("China beat Japan 3-1 in the women's team table tennis final on Saturday to win the gold "
        + "medal, extending its dominance of the sport. Japan's players said they were proud of the silver. South "
        + "Korea took the bronze after beating Germany in a match that lasted nearly four hours.");
    assertThat(SimHash.hammingDistance(a, b)).isGreaterThanOrEqualTo(20);
  }

  @Test
  void fingerprintIsStableAndCaseInsensitive() {
    assertThat(SimHash.of(STORY)).isEqualTo(SimHash.of(STORY));
    assertThat(SimHash.of(STORY.toUpperCase())).isEqualTo(SimHash.of(STORY));
  }

  @Test
  void hammingDistanceCountsDifferingBits() {
    assertThat(SimHash.hammingDistance(0L, 0L)).isZero();
    assertThat(SimHash.hammingDistance(0L, -1L)).isEqualTo(64);
    assertThat(SimHash.hammingDistance(0b1010L, 0b0110L)).isEqualTo(2);
  }
}
