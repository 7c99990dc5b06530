package org.watchfloor.feeds.parse;

import java.time.Instant;

/**
 * One entry of a feed or listing page.
 *
 * @param id the entry's stable id: its guid/id, else its link
 * @param link absolute link to the article, or null
 * @param title title, or null
 * @param summary summary text, or null
 * @param published published (or else updated) time, or null
 * @param author the author names, comma-separated, when the feed gives them (JSON Feed), or null
 * @param language the entry's language as the feed gives it (JSON Feed 1.1), or null
 */
public record ParsedEntry(String id, String link, String title, String summary, Instant published, String author,
                          String language) {

  /** An entry without author or language (RSS, Atom, listing pages). */
  public ParsedEntry(String id, String link, String title, String summary, Instant published) {
    this(id, link, title, summary, published, null, null);
  }
}
