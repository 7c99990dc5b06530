package org.watchfloor.enricher.trend;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The running count, tension sum and tension maximum of one key in one window. */
public record Tally(long count, double tensionSum, double tensionMax) {
  public static final Tally EMPTY = new Tally(0, 0, 0);

  /** Fixed 24-byte binary form for the window store. */
  public static final Serde<Tally> SERDE = Serdes.serdeFrom(
      (topic, t) -> t == null ? null
          : ByteBuffer.allocate(24).putLong(t.count).putDouble(t.tensionSum).putDouble(t.tensionMax).array(),
      (topic, bytes) -> {
        if (bytes == null) {
          return null;
        }
        if (bytes.length != 24) {
          throw new SerializationException("tally must be 24 bytes, got " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new Tally(b.getLong(), b.getDouble(), b.getDouble());
      });

  public Tally add(double tension) {
    return new Tally(count + 1, tensionSum + tension, count == 0 ? tension : Math.max(tensionMax, tension));
  }
}
