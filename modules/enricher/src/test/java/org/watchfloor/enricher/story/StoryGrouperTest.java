package org.watchfloor.enricher.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryGrouperTest {
  @Test
  void entryKeysOfABandSortByEventTime() {
    List<String> keys = new ArrayList<>(List.of(
        StoryGrouper.entryKey("2:1ff", 1_700_000_000_000L, "b"),
        StoryGrouper.entryKey("2:1ff", 999L, "z"),
        StoryGrouper.entryKey("2:1ff", 0x10L, "a"),
        StoryGrouper.entryKey("2:1ff", -5L, "neg")));
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(null);

    assertThat(sorted).containsExactly(keys.get(3), keys.get(2), keys.get(1), keys.get(0));
    assertThat(keys.get(2)).isEqualTo("2:1ff|0000000000000010|a");
    // every key of a band lies inside the range a lookup scans
    assertThat(keys).allSatisfy(k -> assertThat(k.compareTo("2:1ff|")).isPositive())
        .allSatisfy(k -> assertThat(k.compareTo("2:1ff|~")).isNegative());
  }
}
