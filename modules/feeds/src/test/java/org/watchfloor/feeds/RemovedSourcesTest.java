package org.watchfloor.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.feeds.source.Source;

/** Which published sources the feeds stage tombstones when it publishes a configuration. */
class RemovedSourcesTest {
  private static List<String> names(String csv) {
    return csv == null ? List.of() : Arrays.asList(csv.split(" "));
  }

  @ParameterizedTest(name = "published [{0}], configured [{1}] -> tombstone [{2}]")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "a b c | a c   | b",
      "a b   | a b   | -",
      "a     | a b   | -",
      "c b a | -     | a b c",
      "-     | a     | -",
      "Wire  | wire  | Wire",
      "x y z | z w   | x y",
  })
  void tombstonesThePublishedSourcesTheConfigurationLeavesOut(String published, String configured, String expected) {
    Set<String> topic = Set.copyOf(names(published));
    List<Source> config = names(configured).stream()
        .map(n -> Source.feed(n, "https://" + n.toLowerCase() + ".example.org/feed", "5m", "2h", false))
        .collect(Collectors.toList());
    assertThat(FeedsApp.removedSources(topic, config)).containsExactlyElementsOf(names(expected));
  }
}
