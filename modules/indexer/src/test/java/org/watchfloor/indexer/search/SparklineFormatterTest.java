package org.watchfloor.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparklineFormatterTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "0 1 2 3 4 5 6 7 | ' ▂▃▄▅▆▇█'",
    "1 2 3 4 5 6 7 8 | ▁▂▃▄▅▆▇█",
    "5 5 5           | ███",
    "0 0 0           | ▁▁▁",
    "10 0 10         | '█ █'",
    "-10 0 10        | ▁▅█",
    "3               | █"
  })
  void scalesBetweenMinimumAndMaximum(String values, String expected) {
    double[] v = Arrays.stream(values.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    assertThat(SparklineFormatter.sparkline(v)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0", "1", "50"})
  void drawsOneCharacterPerValue(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = Math.sin(i);
    }
    assertThat(SparklineFormatter.sparkline(v)).hasSize(n);
  }
}
