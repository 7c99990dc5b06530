package org.watchfloor.model;

import java.time.Instant;
import java.util.List;

/**
 * A raw article with everything enrichment adds.
 *
 * @param storyId the id shared by near-duplicate copies of one story (the first copy's id)
 * @param duplicateOf the id of the earlier copy this one near-duplicates, or null
 * @param fingerprint 64-bit SimHash of the text
 */
public record EnrichedArticle(
    int schemaVersion,
    RawArticle article,
    String language,
    List<ActorMention> actors,
    List<TopicScore> topics,
    Tension tension,
    List<Dyad> dyads,
    long fingerprint,
    String storyId,
    String duplicateOf,
    Instant enrichedAt) implements Versioned {

  public static final int VERSION = 1;

  public EnrichedArticle {
    actors = actors == null ? List.of() : List.copyOf(actors);
    topics = topics == null ? List.of() : List.copyOf(topics);
    dyads = dyads == null ? List.of() : List.copyOf(dyads);
  }

  public String id() {
    return article.id();
  }

  @Override
  public int currentVersion() {
    return VERSION;
  }
}
