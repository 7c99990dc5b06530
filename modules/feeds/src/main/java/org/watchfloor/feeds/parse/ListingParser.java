package org.watchfloor.feeds.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

/** Finds article links on an HTML listing page (a site without a feed) with a CSS selector. */
public final class ListingParser {
  private static final int MAX_LINKS = 500;

  /**
   * Parses a listing page.
   *
   * @param body the HTML bytes
   * @param contentType the HTTP Content-Type (its charset is used), or null
   * @param url the page URL, for resolving relative links
   * @param selector CSS selector for the article links; elements that are not {@code a[href]} contribute the first
   *     link inside them
   */
  public ParsedFeed parse(byte[] body, String contentType, String url, String selector) throws FeedParseException {
    Objects.requireNonNull(selector, "selector");
    String charset = FeedParser.charsetOf(contentType);
    Charset cs = StandardCharsets.UTF_8;
    if (charset != null && Charset.isSupported(charset)) {
      cs = Charset.forName(charset);
    }
    String html = new String(body, cs);
    if (html.isBlank()) {
      throw new FeedParseException(url, FeedParseException.Reason.EMPTY, "the page is empty");
    }
    Document doc = Jsoup.parse(html, url);
    List<ParsedEntry> entries = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<Element> found;
    try {
      found = doc.select(selector);
    } catch (Selector.SelectorParseException e) {
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED, "bad CSS selector: " + e.getMessage(), e);
    }
    for (Element el : found) {
      Element a = el.is("a[href]") ? el : el.selectFirst("a[href]");
      if (a == null) {
        continue;
      }
      String link = a.absUrl("href");
      if (link.isEmpty() || !(link.startsWith("http://") || link.startsWith("https://")) || !seen.add(link)) {
        continue;
      }
      String title = FeedParser.clean(a.text().isBlank() ? el.text() : a.text(), 500);
      entries.add(new ParsedEntry(link, link, title, null, null));
      if (entries.size() >= MAX_LINKS) {
        break;
      }
    }
    return new ParsedFeed("html_listing", FeedParser.clean(doc.title(), 500), entries);
  }
}
