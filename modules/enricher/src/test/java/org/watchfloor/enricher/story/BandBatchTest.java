package org.watchfloor.enricher.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class BandBatchTest {
  private static final StoryCandidate A = new StoryCandidate("a-é", 0x0f0f_1234_5678_9abcL, 1_000L, 900L,
      StoryCandidate.NONE, 1_100L);

  @Test
  void eachBandGoesWhereKafkaWouldSendItsKeyAloneWithOneRecordPerPartition() {
    String[] keys = new FingerprintBands(3).keys(A.fingerprint());
    List<BandBatch> batches = BandBatch.of(A, keys, 3);

    assertThat(batches).flatExtracting(BandBatch::bands).containsExactlyInAnyOrder(keys);
    assertThat(batches).extracting(BandBatch::partition).doesNotHaveDuplicates();
    for (BandBatch b : batches) {
      assertThat(b.candidate()).isEqualTo(A);
      for (String key : b.bands()) {
        int kafka = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), 3);
        assertThat(b.partition()).isEqualTo(kafka);
      }
      assertThat(BandBatch.PARTITIONER.partitions("t", "a-é", b, 3)).contains(Set.of(b.partition()));
    }
    assertThat(BandBatch.of(A, keys, 1)).singleElement().satisfies(b -> assertThat(b.bands()).hasSize(4));
  }

  @Test
  void survivesItsBinaryFormAndRejectsDamagedBytes() {
    BandBatch b = new BandBatch(2, A, List.of("0:3ff", "3:1"));
    byte[] bytes = BandBatch.SERDE.serializer().serialize("t", b);
    assertThat(BandBatch.SERDE.deserializer().deserialize("t", bytes)).isEqualTo(b);
    assertThatThrownBy(() -> BandBatch.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> BandBatch.fromBytes(Arrays.copyOf(bytes, bytes.length + 2)))
        .isInstanceOf(SerializationException.class);
  }
}
