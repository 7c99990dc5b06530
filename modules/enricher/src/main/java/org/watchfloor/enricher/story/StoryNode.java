package org.watchfloor.enricher.story;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.watchfloor.model.Versioned;
import org.watchfloor.runtime.JsonSerde;

/**
 * What story grouping knows of one article on its partition: the story it joined (null while it is a story of its
 * own), the original it copies and how closely, and the later articles found to copy it, which are told whenever its
 * story changes.
 *
 * @param eventTime the article's event time, epoch milliseconds, for pruning
 */
public record StoryNode(int schemaVersion, long eventTime, String storyId, String duplicateOf, int distance,
    long originalTime, List<Follower> followers) implements Versioned {
  public static final int VERSION = 1;
  public static final Serde<StoryNode> SERDE = JsonSerde.of(StoryNode.class);

  /** A later article within the distance of this one. */
  public record Follower(StoryCandidate copy, int distance) {}

  public StoryNode {
    followers = followers == null ? List.of() : List.copyOf(followers);
  }

  static StoryNode fresh(long eventTime) {
    return new StoryNode(VERSION, eventTime, null, null, Integer.MAX_VALUE, Long.MAX_VALUE, List.of());
  }

  /** The story this article's copies join: its own story, or its id while it has none. */
  String storyOf(String id) {
    return storyId != null ? storyId : id;
  }

  /** With {@code copy} among the followers (once, with its latest distance), the oldest dropped past {@code max}. */
  StoryNode withFollower(StoryCandidate copy, int d, int max) {
    List<Follower> next = new ArrayList<>(followers.size() + 1);
    for (Follower f : followers) {
      if (!f.copy().id().equals(copy.id())) {
        next.add(f);
      }
    }
    next.add(new Follower(copy, d));
    if (next.size() > max) {
      next.sort((a, b) -> Long.compare(b.copy().eventTime(), a.copy().eventTime()));
      next = new ArrayList<>(next.subList(0, max));
    }
    return new StoryNode(schemaVersion, eventTime, storyId, duplicateOf, distance, originalTime, next);
  }

  StoryNode withStory(String story, String original, int d, long origTime) {
    return new StoryNode(schemaVersion, eventTime, story, original, d, origTime, followers);
  }

  /**
   * Whether a link to {@code original} should replace this article's current one: any link while it has none, a
   * fresh word from the same original, a closer original, or an equally close but earlier one.
   */
  boolean accepts(String original, int d, long origTime) {
    if (duplicateOf == null || duplicateOf.equals(original)) {
      return true;
    }
    if (d != distance) {
      return d < distance;
    }
    if (origTime != originalTime) {
      return origTime < originalTime;
    }
    return original.compareTo(duplicateOf) < 0;
  }

  @Override
  public int currentVersion() {
    return VERSION;
  }
}
