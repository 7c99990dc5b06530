package org.watchfloor.enricher.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** An earlier article a new one may be a copy of: its id, fingerprint, story and event time. */
public record StoryCandidate(String id, long fingerprint, String storyId, long eventTime) {

  /** Compact binary form of the candidates of one band: a count, then each candidate. */
  public static final Serde<List<StoryCandidate>> LIST_SERDE = Serdes.serdeFrom(
      (topic, list) -> list == null ? null : toBytes(list),
      (topic, bytes) -> bytes == null ? null : fromBytes(bytes));

  static byte[] toBytes(List<StoryCandidate> list) {
    int size = 4;
    List<byte[]> ids = new ArrayList<>(list.size() * 2);
    for (StoryCandidate c : list) {
      byte[] id = c.id.getBytes(StandardCharsets.UTF_8);
      byte[] story = c.storyId.getBytes(StandardCharsets.UTF_8);
      ids.add(id);
      ids.add(story);
      size += 16 + 4 + id.length + 4 + story.length;
    }
    ByteBuffer b = ByteBuffer.allocate(size).putInt(list.size());
    for (int i = 0; i < list.size(); i++) {
      StoryCandidate c = list.get(i);
      byte[] id = ids.get(2 * i);
      byte[] story = ids.get(2 * i + 1);
      b.putLong(c.fingerprint).putLong(c.eventTime).putInt(id.length).put(id).putInt(story.length).put(story);
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
        byte[] id = new byte[b.getInt()];
        b.get(id);
        byte[] story = new byte[b.getInt()];
        b.get(story);
        list.add(new StoryCandidate(new String(id, StandardCharsets.UTF_8), fingerprint,
            new String(story, StandardCharsets.UTF_8), eventTime));
      }
      return list;
    } catch (RuntimeException e) {
      throw new SerializationException("corrupt story candidates of " + bytes.length + " bytes", e);
    }
  }
}
