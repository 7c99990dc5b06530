package org.watchfloor.model;

import java.time.Instant;
import java.util.List;

/**
 * An article as fetched and extracted, before enrichment.
 *
 * @param id stable id derived from the normalised URL
 * @param contentSource {@code page} when the page was fetched and extracted, {@code feed_summary} when the page could
 *     not be fetched and the feed's summary stands in for the text
 */
public record RawArticle(
    int schemaVersion,
    String id,
    String url,
    String canonicalUrl,
    String source,
    String region,
    List<String> tags,
    String title,
    String text,
    List<String> authors,
    Instant published,
    Instant modified,
    Instant fetchedAt,
    String languageHint,
    String leadImage,
    String siteName,
    String contentSource) implements Versioned {

  public static final int VERSION = 1;
  public static final String FROM_PAGE = "page";
  public static final String FROM_FEED_SUMMARY = "feed_summary";

  public RawArticle {
    tags = tags == null ? List.of() : List.copyOf(tags);
    authors = authors == null ? List.of() : List.copyOf(authors);
  }

  @Override
  public int currentVersion() {
    return VERSION;
  }
}
