package org.watchfloor.enricher.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintBandsTest {

  @ParameterizedTest(name = "max distance {0}")
  @ValueSource(ints = {0, 1, 2, 3, 4, 6})
  void fingerprintsWithinTheDistanceShareABand(int maxDistance) {
    FingerprintBands bands = new FingerprintBands(maxDistance);
    Random random = new Random(7L + maxDistance);
    for (int trial = 0; trial < 2000; trial++) {
      long a = random.nextLong();
      long b = a;
      int flips = random.nextInt(maxDistance + 1);
      Set<Integer> bits = new HashSet<>();
      while (bits.size() < flips) {
        bits.add(random.nextInt(64));
      }
      for (int bit : bits) {
        b ^= 1L << bit;
      }
      assertThat(FingerprintBands.distance(a, b)).isEqualTo(flips);
      Set<String> shared = new HashSet<>(Arrays.asList(bands.keys(a)));
      shared.retainAll(Arrays.asList(bands.keys(b)));
      assertThat(shared).as("%x and %x, %d bits apart", a, b, flips).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "max distance {0}")
  @ValueSource(ints = {0, 3, 15})
  void bandsCoverAll64Bits(int maxDistance) {
    FingerprintBands bands = new FingerprintBands(maxDistance);
    assertThat(bands.count()).isEqualTo(maxDistance + 1);
    // flipping any single bit changes exactly one band key
    long a = 0x0123_4567_89ab_cdefL;
    for (int bit = 0; bit < 64; bit++) {
      String[] before = bands.keys(a);
      String[] after = bands.keys(a ^ (1L << bit));
      int changed = 0;
      for (int i = 0; i < before.length; i++) {
        if (!before[i].equals(after[i])) {
          changed++;
        }
      }
      assertThat(changed).as("bit %d", bit).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "max distance {0}")
  @ValueSource(ints = {3, 6, 9})
  void bandWidthsDifferByAtMostOneBit(int maxDistance) {
    FingerprintBands bands = new FingerprintBands(maxDistance);
    // all ones: each key's hex value has as many bits as its band is wide
    int[] widths = Arrays.stream(bands.keys(-1L))
        .mapToInt(k -> 64 - Long.numberOfLeadingZeros(Long.parseUnsignedLong(k.substring(k.indexOf(':') + 1), 16)))
        .toArray();
    assertThat(Arrays.stream(widths).sum()).isEqualTo(64);
    assertThat(Arrays.stream(widths).max().getAsInt() - Arrays.stream(widths).min().getAsInt()).isLessThanOrEqualTo(1);
  }

  @org.junit.jupiter.api.Test
  void candidateListsSurviveTheirBinaryForm() {
    List<StoryCandidate> list = List.of(new StoryCandidate("a-1", -5L, 1_700_000_000_000L, 1L, 2L, 3L),
        new StoryCandidate("b-é", Long.MAX_VALUE, 0L, StoryCandidate.NONE, StoryCandidate.NONE, 7L));
    byte[] bytes = StoryCandidate.LIST_SERDE.serializer().serialize("t", list);
    assertThat(StoryCandidate.LIST_SERDE.deserializer().deserialize("t", bytes)).isEqualTo(list);
    byte[] one = StoryCandidate.SERDE.serializer().serialize("t", list.get(1));
    assertThat(StoryCandidate.SERDE.deserializer().deserialize("t", one)).isEqualTo(list.get(1));
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> StoryCandidate.LIST_SERDE.deserializer().deserialize("t", java.util.Arrays.copyOf(bytes, bytes.length + 1)))
        .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
  }
}
