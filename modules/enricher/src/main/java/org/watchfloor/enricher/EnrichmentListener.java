package org.watchfloor.enricher;


/** Hears what the topology emits, so the application can count it without the topology doing any I/O. */
public interface EnrichmentListener {
  /** A listener that ignores everything. */
  EnrichmentListener NONE = new EnrichmentListener() {};

  /**
   * An article was written to the enriched topic.
   *
   * @param duplicateOf the earlier copy it near-duplicates, or null
   */
  default void enriched(String articleId, String storyId, String duplicateOf) {}

  /** A record was routed to the dead-letter topic for the given reason. */
  default void deadLettered(String errorClass, String reason) {}
}
