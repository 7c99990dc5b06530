package org.watchfloor.runtime;

/** Counter names shared by the stages and the launcher's status line. */
public final class Metrics {
  private Metrics() {}

  /** New feed entries published by the feeds stage. */
  public static final String ENTRIES = "watchfloor.entries";
  /** Raw articles published by the pages stage. */
  public static final String FETCHED = "watchfloor.fetched";
  /** Enriched articles written by the enricher. */
  public static final String ENRICHED = "watchfloor.enriched";
  /** Documents Elasticsearch acknowledged. */
  public static final String INDEXED = "watchfloor.indexed";
  /** Alerts fired. */
  public static final String ALERTS = "watchfloor.alerts";
  /** Notifications delivered. */
  public static final String DELIVERED = "watchfloor.alerts.delivered";
  /** Pages or feeds that could not be fetched; tagged with {@code stage} and {@code reason}. */
  public static final String FETCH_ERRORS = "watchfloor.fetch.errors";
  /**
   * Time from a batch's poll to its offsets' commit (its records processed and acknowledged downstream); a timer
   * tagged with {@code stage}. Streams stages report Kafka Streams' own process latency instead.
   */
  public static final String PROCESSING = "watchfloor.processing.latency";
  /** Records sent to the dead-letter topic; tagged with {@code stage}. */
  public static final String DEAD_LETTERS = "watchfloor.dead_letters";
}
