package org.watchfloor.model;

import java.util.List;

/** The Kafka topic names, defined once; each name carries its schema version. */
public final class Topics {
  private Topics() {}

  /** Compacted: one record per configured source, keyed by source name; the feeds group splits its partitions. */
  public static final String SOURCES = "watchfloor.sources.v1";
  /** Compacted: per source, the entry ids already emitted and the HTTP validators (ETag, Last-Modified). */
  public static final String FEED_STATE = "watchfloor.feeds.state.v1";
  /** New feed entries, keyed by the link's host. */
  public static final String ENTRIES = "watchfloor.entries.v1";
  /** Fetched and extracted articles, keyed by article id. */
  public static final String RAW = "watchfloor.articles.raw.v1";
  /** Articles with actors, topics, tension and story grouping, keyed by article id. */
  public static final String ENRICHED = "watchfloor.articles.enriched.v1";
  /**
   * Story assignments of near-duplicate articles ({@link StoryUpdate}), keyed by article id: the indexer applies
   * them to the article documents. An article without one is a story of its own.
   */
  public static final String STORIES = "watchfloor.stories.v1";
  /**
   * The enricher's own: story grouping's links from an original's partition to its copies' partitions. Keyed by the
   * copy's id; read back by the enricher that writes it.
   */
  public static final String STORY_LINKS = "watchfloor.enricher.story-links.v1";
  /** Hourly windowed aggregates per actor and per dyad. */
  public static final String AGGREGATES = "watchfloor.aggregates.v1";
  /**
   * Compacted: alert rules changed at runtime, keyed by rule id, and silences, keyed {@code silence/<id>}; a null
   * value deletes.
   */
  public static final String RULES = "watchfloor.rules.v1";
  /** Alerts fired by the rules, keyed by alert id. */
  public static final String ALERTS = "watchfloor.alerts.v1";
  /** Delivery outcomes of alerts, keyed by alert id. */
  public static final String ALERT_DELIVERIES = "watchfloor.alerts.deliveries.v1";
  /** Compacted: the desk's acknowledgements and snoozes of alerts, keyed by alert id; every desk instance reads them. */
  public static final String DESK_ACTIONS = "watchfloor.desk.actions.v1";
  /** Records any stage could not process, with the original payload and error headers. */
  public static final String DEAD_LETTERS = "watchfloor.deadletter.v1";

  /** Topics that hold latest-value state and must be compacted. */
  public static final List<String> COMPACTED = List.of(SOURCES, FEED_STATE, RULES, STORIES, DESK_ACTIONS);

  /** Every topic the pipeline uses. */
  public static final List<String> ALL = List.of(SOURCES, FEED_STATE, ENTRIES, RAW, ENRICHED, STORIES, STORY_LINKS,
      AGGREGATES, RULES, ALERTS, ALERT_DELIVERIES, DESK_ACTIONS, DEAD_LETTERS);
}
