package org.watchfloor.enricher.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** An earlier article a new one may be a copy of: its id, fingerprint, story and event time. */
public record StoryCandidate(String id, long fingerprint, String storyId, long eventTime) {

  /** Compact binary form for the story index: fingerprint, event time, then id and story id with their lengths. */
  public static final Serde<StoryCandidate> SERDE = Serdes.serdeFrom(
      (topic, c) -> c == null ? null : toBytes(c),
      (topic, bytes) -> bytes == null ? null : fromBytes(bytes));

  static byte[] toBytes(StoryCandidate c) {
    byte[] id = c.id.getBytes(StandardCharsets.UTF_8);
    byte[] story = c.storyId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(16 + 4 + id.length + 4 + story.length)
        .putLong(c.fingerprint).putLong(c.eventTime).putInt(id.length).put(id).putInt(story.length).put(story)
        .array();
  }

  static StoryCandidate fromBytes(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      long fingerprint = b.getLong();
      long eventTime = b.getLong();
      byte[] id = new byte[b.getInt()];
      b.get(id);
      byte[] story = new byte[b.getInt()];
      b.get(story);
      if (b.hasRemaining()) {
        throw new IllegalArgumentException(b.remaining() + " trailing bytes");
      }
      return new StoryCandidate(new String(id, StandardCharsets.UTF_8), fingerprint,
          new String(story, StandardCharsets.UTF_8), eventTime);
    } catch (RuntimeException e) {
      throw new SerializationException("corrupt story candidate of " + bytes.length + " bytes", e);
    }
  }
}
