package org.watchfloor.model;

import java.time.Instant;
import java.util.List;

/** One new entry found in a feed or listing page, on its way to the pages stage. */
public record FeedEntry(
    int schemaVersion,
    String source,
    String sourceUrl,
    String link,
    String entryId,
    String title,
    String summary,
    Instant published,
    Instant discoveredAt,
    String languageHint,
    String region,
    List<String> tags,
    boolean allowPrivate) implements Versioned {

  public static final int VERSION = 1;

  public FeedEntry {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  @Override
  public int currentVersion() {
    return VERSION;
  }
}
