package org.watchfloor.feeds.parse;

import java.util.List;

/**
 * A parsed feed: the detected format ({@code rss_2.0}, {@code atom_1.0}, {@code rss_1.0}, {@code html_listing}, ...),
 * its title and its entries in document order.
 */
public record ParsedFeed(String format, String title, List<ParsedEntry> entries) {
  public ParsedFeed {
    entries = List.copyOf(entries);
  }
}
