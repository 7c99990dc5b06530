package org.watchfloor.enricher.story;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.watchfloor.model.Versioned;
import org.watchfloor.runtime.JsonSerde;

/**
 * What story grouping tells itself between partitions. A {@code match}, keyed by the original, says that the copy lies
 * within the distance of the original; the original's partition answers with a {@code link}, keyed by the copy, that
 * carries the original's story. A copy's partition keeps its best link and passes changes on to its own copies.
 *
 * @param copy the later article (by event time, then id)
 * @param original the earlier article it is a copy of
 * @param storyId on a link, the original's story; null on a match
 * @param distance the number of differing fingerprint bits
 * @param originalTime the original's event time, epoch milliseconds: on equal distance the earlier original wins
 */
public record StoryMessage(int schemaVersion, String kind, StoryCandidate copy, String original, long originalTime,
    String storyId, int distance) implements Versioned {
  public static final int VERSION = 1;
  public static final String MATCH = "match";
  public static final String LINK = "link";

  public static final Serde<StoryMessage> SERDE = JsonSerde.of(StoryMessage.class);

  public StoryMessage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(copy, "copy");
    Objects.requireNonNull(original, "original");
  }

  static StoryMessage match(StoryCandidate copy, StoryCandidate original, int distance) {
    return new StoryMessage(VERSION, MATCH, copy, original.id(), original.eventTime(), null, distance);
  }

  static StoryMessage link(StoryCandidate copy, String original, long originalTime, String storyId, int distance) {
    return new StoryMessage(VERSION, LINK, copy, original, originalTime, Objects.requireNonNull(storyId, "storyId"), distance);
  }

  @Override
  public int currentVersion() {
    return VERSION;
  }

  boolean isMatch() {
    return MATCH.equals(kind);
  }
}
