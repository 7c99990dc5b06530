package org.watchfloor.enricher.story;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A classified article on its way through story grouping and trends: its enriched JSON, written once where it was
 * classified, plus the few fields grouping and trends read, so that the single story task never parses JSON.
 *
 * <p>{@code json} is the enriched article without {@code story_id} and {@code duplicate_of}; {@link #enrichedJson()}
 * adds them once grouping has decided.
 *
 * @param eventTime the article's event time ({@code EventTime}), epoch milliseconds
 * @param tension the tension score the trends average
 * @param trendKeys the aggregate keys the article counts toward ({@code actor|ID}, {@code dyad|A>B})
 */
public record Classified(String id, long fingerprint, long eventTime, double tension, List<String> trendKeys,
    byte[] json, String storyId, String duplicateOf) {

  public Classified {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(json, "json");
    trendKeys = List.copyOf(trendKeys);
  }

  public Classified(String id, long fingerprint, long eventTime, double tension, List<String> trendKeys, byte[] json) {
    this(id, fingerprint, eventTime, tension, trendKeys, json, null, null);
  }

  /** This article once grouping has decided its story. */
  public Classified withStory(String story, String copyOf) {
    return new Classified(id, fingerprint, eventTime, tension, trendKeys, json, Objects.requireNonNull(story, "story"),
        copyOf);
  }

  /**
   * The enriched JSON with {@code story_id} and, for a copy, {@code duplicate_of}: inserted before the closing brace
   * of the object, which the mapper wrote without them since they were null.
   */
  public byte[] enrichedJson() {
    if (storyId == null) {
      return json;
    }
    int end = json.length - 1;
    if (end < 1 || json[end] != '}') {
      throw new IllegalStateException("enriched JSON of " + id + " does not end with an object");
    }
    byte[] story = field("story_id", storyId);
    byte[] copy = duplicateOf == null ? new byte[0] : field("duplicate_of", duplicateOf);
    byte[] out = new byte[json.length + story.length + copy.length];
    System.arraycopy(json, 0, out, 0, end);
    System.arraycopy(story, 0, out, end, story.length);
    System.arraycopy(copy, 0, out, end + story.length, copy.length);
    out[out.length - 1] = '}';
    return out;
  }

  private static byte[] field(String name, String value) {
    byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(value);
    byte[] prefix = (",\"" + name + "\":\"").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[prefix.length + quoted.length + 1];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(quoted, 0, out, prefix.length, quoted.length);
    out[out.length - 1] = '"';
    return out;
  }

  /** Binary form for the stories repartition topic; the story fields are decided after it and never written. */
  public static final Serde<Classified> SERDE = Serdes.serdeFrom(
      (topic, c) -> c == null ? null : toBytes(c),
      (topic, bytes) -> bytes == null ? null : fromBytes(bytes));

  static byte[] toBytes(Classified c) {
    byte[] id = c.id.getBytes(StandardCharsets.UTF_8);
    List<byte[]> keys = new ArrayList<>(c.trendKeys.size());
    int size = 4 + id.length + 8 + 8 + 8 + 4 + 4 + c.json.length;
    for (String k : c.trendKeys) {
      byte[] b = k.getBytes(StandardCharsets.UTF_8);
      keys.add(b);
      size += 4 + b.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putInt(id.length).put(id).putLong(c.fingerprint).putLong(c.eventTime).putDouble(c.tension);
    out.putInt(keys.size());
    for (byte[] k : keys) {
      out.putInt(k.length).put(k);
    }
    out.putInt(c.json.length).put(c.json);
    return out.array();
  }

  static Classified fromBytes(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      String id = string(in);
      long fingerprint = in.getLong();
      long eventTime = in.getLong();
      double tension = in.getDouble();
      int n = in.getInt();
      List<String> keys = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        keys.add(string(in));
      }
      byte[] json = new byte[in.getInt()];
      in.get(json);
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " trailing bytes");
      }
      return new Classified(id, fingerprint, eventTime, tension, keys, json);
    } catch (RuntimeException e) {
      throw new SerializationException("corrupt classified article of " + bytes.length + " bytes", e);
    }
  }

  private static String string(ByteBuffer in) {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
