package org.watchfloor.model;

import java.time.Instant;

/**
 * A later word on an article's story: story grouping found it to be a near-duplicate of an earlier article and puts
 * it in that article's story. Enriched articles start in a story of their own ({@code story_id} is their id); an
 * update follows only for copies, and again whenever a better original is found or the original's own story changes.
 * Keyed by article id, so that the latest update of each article is the one that holds.
 *
 * @param duplicateOf the earlier article this one is a copy of
 * @param distance the number of differing fingerprint bits between the two
 * @param published the article's times, so that a reader can find the document it changes
 */
public record StoryUpdate(
    int schemaVersion,
    String articleId,
    String storyId,
    String duplicateOf,
    int distance,
    Instant published,
    Instant fetchedAt,
    Instant enrichedAt) implements Versioned {

  public static final int VERSION = 1;

  @Override
  public int currentVersion() {
    return VERSION;
  }
}
