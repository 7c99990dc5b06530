package org.watchfloor.pages.extract;

import java.time.Instant;
import java.util.List;

/**
 * What {@link ArticleExtractor} finds in one article page; any field but {@code text} and {@code authors} may be null.
 *
 * @param text the main text, paragraphs joined with blank lines; empty when no article text was found
 * @param language the primary language subtag, lower case ({@code en}, {@code ko}), as the page declares it
 */
public record Extraction(
    String title,
    String text,
    List<String> authors,
    Instant published,
    Instant modified,
    String canonicalUrl,
    String language,
    String leadImage,
    String siteName,
    String description) {

  public Extraction {
    text = text == null ? "" : text;
    authors = authors == null ? List.of() : List.copyOf(authors);
  }

  /** The published time, or the given fallback (the feed's date) when the page states none. */
  public Instant publishedOr(Instant fallback) {
    return published != null ? published : fallback;
  }
}
