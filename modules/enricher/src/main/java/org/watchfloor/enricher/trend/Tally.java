package org.watchfloor.enricher.trend;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The running count, tension sum and tension maximum of one key in one window, and whether that value still has to
 * be emitted (kept in the store so that a restart after a crash emits it too).
 */
public record Tally(long count, double tensionSum, double tensionMax, boolean pending) {
  public static final Tally EMPTY = new Tally(0, 0, 0, false);

  /** Fixed 25-byte binary form for the store. */
  public static final Serde<Tally> SERDE = Serdes.serdeFrom(
      (topic, t) -> t == null ? null
          : ByteBuffer.allocate(25).putLong(t.count).putDouble(t.tensionSum).putDouble(t.tensionMax)
              .put((byte) (t.pending ? 1 : 0)).array(),
      (topic, bytes) -> {
        if (bytes == null) {
          return null;
        }
        if (bytes.length != 25) {
          throw new SerializationException("tally must be 25 bytes, got " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new Tally(b.getLong(), b.getDouble(), b.getDouble(), b.get() != 0);
      });

  /** This tally with one more article, pending emission. */
  public Tally add(double tension) {
    return new Tally(count + 1, tensionSum + tension, count == 0 ? tension : Math.max(tensionMax, tension), true);
  }

  /** This tally with another one's articles added (a partition's partial count of the same window). */
  public Tally merge(Tally other) {
    if (other.count == 0) {
      return this;
    }
    double max = count == 0 ? other.tensionMax : Math.max(tensionMax, other.tensionMax);
    return new Tally(count + other.count, tensionSum + other.tensionSum, max, true);
  }

  public Tally emitted() {
    return new Tally(count, tensionSum, tensionMax, false);
  }
}
