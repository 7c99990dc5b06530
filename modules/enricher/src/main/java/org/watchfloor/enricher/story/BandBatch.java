package org.watchfloor.enricher.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * An article's fingerprint bands that live on one partition, sent there in one record: each band belongs to the
 * partition its key hashes to, as if it were sent alone, but an article sends one record per partition its bands fall
 * on instead of one per band.
 *
 * @param partition the partition all of {@code bands} hash to
 */
public record BandBatch(int partition, StoryCandidate candidate, List<String> bands) {
  public BandBatch {
    bands = List.copyOf(bands);
  }

  /** The partition a band key belongs to among {@code partitions}: Kafka's default for a String key. */
  public static int partitionOf(String bandKey, int partitions) {
    return Utils.toPositive(Utils.murmur2(bandKey.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** The article's bands grouped by partition, one batch per partition they fall on. */
  public static List<BandBatch> of(StoryCandidate candidate, String[] bandKeys, int partitions) {
    Map<Integer, List<String>> byPartition = new LinkedHashMap<>();
    for (String key : bandKeys) {
      byPartition.computeIfAbsent(partitionOf(key, partitions), p -> new ArrayList<>()).add(key);
    }
    List<BandBatch> out = new ArrayList<>(byPartition.size());
    byPartition.forEach((p, keys) -> out.add(new BandBatch(p, candidate, keys)));
    return out;
  }

  /** Sends each batch to the partition it names. */
  public static final StreamPartitioner<String, BandBatch> PARTITIONER =
      (topic, key, batch, partitions) -> Optional.of(Set.of(batch.partition() % partitions));

  public static final Serde<BandBatch> SERDE = Serdes.serdeFrom(
      (topic, b) -> b == null ? null : toBytes(b),
      (topic, bytes) -> bytes == null ? null : fromBytes(bytes));

  static byte[] toBytes(BandBatch b) {
    byte[] candidate = StoryCandidate.toBytes(List.of(b.candidate));
    List<byte[]> keys = new ArrayList<>(b.bands.size());
    int size = 4 + 4 + candidate.length + 4;
    for (String k : b.bands) {
      byte[] kb = k.getBytes(StandardCharsets.UTF_8);
      keys.add(kb);
      size += 4 + kb.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size).putInt(b.partition).putInt(candidate.length).put(candidate);
    out.putInt(keys.size());
    for (byte[] k : keys) {
      out.putInt(k.length).put(k);
    }
    return out.array();
  }

  static BandBatch fromBytes(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      int partition = in.getInt();
      byte[] candidate = new byte[in.getInt()];
      in.get(candidate);
      List<StoryCandidate> one = StoryCandidate.fromBytes(candidate);
      int n = in.getInt();
      List<String> keys = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        byte[] k = new byte[in.getInt()];
        in.get(k);
        keys.add(new String(k, StandardCharsets.UTF_8));
      }
      if (in.hasRemaining() || one.size() != 1) {
        throw new IllegalArgumentException("malformed band batch");
      }
      return new BandBatch(partition, one.get(0), keys);
    } catch (RuntimeException e) {
      throw new SerializationException("corrupt band batch of " + bytes.length + " bytes", e);
    }
  }
}
