package org.watchfloor.model;

import java.time.Instant;
import java.util.List;

/**
 * A raw article with everything enrichment adds.
 *
 * @param storyId the id shared by near-duplicate copies of one story (the first copy's id)
 * @param duplicateOf the id of the earlier copy this one near-duplicates, or null
 * @param fingerprint 64-bit SimHash of the text
 * @param classifierVersion which classifier read the article: its kind and a digest of its configuration and model,
 *     so that history read by an older classifier can be found and read again; null on records from before it
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
    Instant enrichedAt,
    String classifierVersion) implements Versioned {

  public static final int VERSION = 1;

  public EnrichedArticle {
    actors = actors == null ? List.of() : List.copyOf(actors);
    topics = topics == null ? List.of() : List.copyOf(topics);
    dyads = dyads == null ? List.of() : List.copyOf(dyads);
  }

  /** An enriched article without a classifier version (as records written before it was carried). */
  public EnrichedArticle(int schemaVersion, RawArticle article, String language, List<ActorMention> actors,
      List<TopicScore> topics, Tension tension, List<Dyad> dyads, long fingerprint, String storyId, String duplicateOf,
      Instant enrichedAt) {
    this(schemaVersion, article, language, actors, topics, tension, dyads, fingerprint, storyId, duplicateOf,
        enrichedAt, null);
  }

  public String id() {
    return article.id();
  }

  @Override
  public int currentVersion() {
    return VERSION;
  }
}
