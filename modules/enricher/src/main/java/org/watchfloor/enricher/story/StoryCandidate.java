package org.watchfloor.enricher.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** An earlier article a new one may be a copy of: its id, fingerprint and story. */
public record StoryCandidate(String id, long fingerprint, String storyId) {

  /** Compact binary form for the band store: fingerprint, then the two ids as length-prefixed UTF-8. */
  public static final Serde<StoryCandidate> SERDE = Serdes.serdeFrom(
      (topic, c) -> c == null ? null : c.toBytes(),
      (topic, bytes) -> bytes == null ? null : fromBytes(bytes));

  byte[] toBytes() {
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    byte[] storyBytes = storyId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(8 + 4 + idBytes.length + 4 + storyBytes.length)
        .putLong(fingerprint).putInt(idBytes.length).put(idBytes).putInt(storyBytes.length).put(storyBytes).array();
  }

  static StoryCandidate fromBytes(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      long fingerprint = b.getLong();
      byte[] id = new byte[b.getInt()];
      b.get(id);
      byte[] story = new byte[b.getInt()];
      b.get(story);
      return new StoryCandidate(new String(id, StandardCharsets.UTF_8), fingerprint,
          new String(story, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new SerializationException("corrupt story candidate of " + bytes.length + " bytes", e);
    }
  }
}
