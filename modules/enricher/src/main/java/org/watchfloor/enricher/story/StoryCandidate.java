package org.watchfloor.enricher.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * An article as story grouping sees it: its id, fingerprint and event time, and the times its document is filed under
 * ({@code published}, {@code fetched_at}, {@code enriched_at} in epoch milliseconds, {@link #NONE} where missing), so
 * that a story update can name the document it changes. It travels to each band's partition and stays in the band's
 * list of recent articles.
 */
public record StoryCandidate(String id, long fingerprint, long eventTime, long published, long fetchedAt,
    long enrichedAt) {
  /** A missing time. */
  public static final long NONE = Long.MIN_VALUE;

  /** One candidate, for the band repartition topic. */
  public static final Serde<StoryCandidate> SERDE = Serdes.serdeFrom(
      (topic, c) -> c == null ? null : toBytes(List.of(c)),
      (topic, bytes) -> {
        if (bytes == null) {
          return null;
        }
        List<StoryCandidate> one = fromBytes(bytes);
        if (one.size() != 1) {
          throw new SerializationException("expected one story candidate, got " + one.size());
        }
        return one.get(0);
      });

  /** The candidates of one band: a count, then each candidate. */
  public static final Serde<List<StoryCandidate>> LIST_SERDE = Serdes.serdeFrom(
      (topic, list) -> list == null ? null : toBytes(list),
      (topic, bytes) -> bytes == null ? null : fromBytes(bytes));

  /** Whether this article comes before {@code other} on the timeline (event time, then id): copies point backwards. */
  public boolean before(StoryCandidate other) {
    return eventTime != other.eventTime ? eventTime < other.eventTime : id.compareTo(other.id) < 0;
  }

  static byte[] toBytes(List<StoryCandidate> list) {
    int size = 4;
    List<byte[]> ids = new ArrayList<>(list.size());
    for (StoryCandidate c : list) {
      byte[] id = c.id.getBytes(StandardCharsets.UTF_8);
      ids.add(id);
      size += 5 * 8 + 4 + id.length;
    }
    ByteBuffer b = ByteBuffer.allocate(size).putInt(list.size());
    for (int i = 0; i < list.size(); i++) {
      StoryCandidate c = list.get(i);
      byte[] id = ids.get(i);
      b.putLong(c.fingerprint).putLong(c.eventTime).putLong(c.published).putLong(c.fetchedAt).putLong(c.enrichedAt)
          .putInt(id.length).put(id);
    }
    return b.array();
  }

  static List<StoryCandidate> fromBytes(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      int n = b.getInt();
      List<StoryCandidate> list = new ArrayList<>(n + 1);
      for (int i = 0; i < n; i++) {
        long fingerprint = b.getLong();
        long eventTime = b.getLong();
        long published = b.getLong();
        long fetchedAt = b.getLong();
        long enrichedAt = b.getLong();
        byte[] id = new byte[b.getInt()];
        b.get(id);
        list.add(new StoryCandidate(new String(id, StandardCharsets.UTF_8), fingerprint, eventTime, published,
            fetchedAt, enrichedAt));
      }
      if (b.hasRemaining()) {
        throw new IllegalArgumentException(b.remaining() + " trailing bytes");
      }
      return list;
    } catch (RuntimeException e) {
      throw new SerializationException("corrupt story candidates of " + bytes.length + " bytes", e);
    }
  }
}
