package org.watchfloor.feeds.parse;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome, safely: the encoding is detected and checked first, a DOCTYPE
 * with an internal subset is refused (no XXE, no entity expansion), an external-only DOCTYPE is ignored (never
 * fetched), and HTML served as a feed gets its own error. Thread-safe and stateless.
 */
public final class FeedParser {
  private static final int SUMMARY_MAX = 2000;
  private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\s+([A-Za-z_:][-A-Za-z0-9._:]*)([^\\[>]*)(\\[)?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TAGS = Pattern.compile("<[^>]*>");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * Parses a feed body.
   *
   * @param body the bytes as served (already decompressed)
   * @param contentType the HTTP Content-Type, or null for a file
   * @param url the feed's URL or file name, used to resolve relative links and in errors
   */
  public ParsedFeed parse(byte[] body, String contentType, String url) throws FeedParseException {
    String httpCharset = charsetOf(contentType);
    String text = XmlText.decode(body, httpCharset, url);
    int start = firstMarkup(text);
    if (start < 0) {
      throw new FeedParseException(url, FeedParseException.Reason.EMPTY, "the body is empty");
    }
    String head = text.substring(start, Math.min(text.length(), start + 2048)).toLowerCase(Locale.ROOT);
    if (looksLikeHtml(head, contentType)) {
      throw new FeedParseException(url, FeedParseException.Reason.HTML_NOT_FEED,
          "an HTML page was served instead of a feed (Content-Type " + contentType + ")");
    }
    text = withoutExternalDoctype(text, url);
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(new StringReader(text));
    } catch (ParsingFeedException e) {
      throw new FeedParseException(url, FeedParseException.Reason.MALFORMED_XML,
          "not well-formed XML" + position(e) + ": " + rootMessage(e), e);
    } catch (IllegalArgumentException e) {
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED,
          "XML but not RSS, Atom or RDF (" + rootMessage(e) + ")", e);
    } catch (FeedException e) {
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED, rootMessage(e), e);
    }
    List<ParsedEntry> entries = new ArrayList<>(feed.getEntries().size());
    URI base = baseOf(feed.getLink(), url);
    for (SyndEntry e : feed.getEntries()) {
      String rawLink = firstNonBlank(e.getLink(), linkOf(e));
      String link = absolute(base, rawLink);
      String uri = e.getUri();
      // Rome copies a missing guid from the link, unresolved: the resolved link is the better id then.
      String id = uri != null && uri.equals(rawLink) ? link : firstNonBlank(uri, link, e.getTitle());
      if (id == null) {
        continue;
      }
      entries.add(new ParsedEntry(id.trim(), link, clean(e.getTitle(), 500), summaryOf(e),
          instant(e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate())));
    }
    return new ParsedFeed(feed.getFeedType(), clean(feed.getTitle(), 500), entries);
  }

  static String charsetOf(String contentType) {
    return org.watchfloor.feeds.http.FetchResult.charsetOf(contentType);
  }

  private static int firstMarkup(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<') {
        return i;
      }
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return i;
      }
    }
    return -1;
  }

  private static boolean looksLikeHtml(String head, String contentType) {
    boolean feedRoot = head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
        || head.contains("<channel");
    if (feedRoot) {
      return false;
    }
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<html")
        || head.contains("<head") || head.contains("<body")
        || (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html"));
  }

  /** An external-only DOCTYPE (old RSS 0.91) is removed so the hardened parser accepts the feed; a subset is refused. */
  private static String withoutExternalDoctype(String text, String url) throws FeedParseException {
    int at = text.indexOf("<!DOCTYPE");
    if (at < 0) {
      at = text.indexOf("<!doctype");
    }
    if (at < 0 || at > 4096) {
      return text;
    }
    Matcher m = DOCTYPE.matcher(text);
    if (!m.find(at) || m.start() != at) {
      throw new FeedParseException(url, FeedParseException.Reason.DOCTYPE_REFUSED, "unreadable DOCTYPE declaration");
    }
    if (m.group(3) != null) {
      throw new FeedParseException(url, FeedParseException.Reason.DOCTYPE_REFUSED,
          "DOCTYPE with an internal subset refused: entity declarations are never processed (XXE, entity expansion)");
    }
    int end = text.indexOf('>', m.end());
    if (end < 0) {
      throw new FeedParseException(url, FeedParseException.Reason.MALFORMED_XML, "unterminated DOCTYPE");
    }
    return text.substring(0, at) + text.substring(end + 1);
  }

  private static String linkOf(SyndEntry e) {
    if (e.getLinks() != null && !e.getLinks().isEmpty()) {
      return e.getLinks().get(0).getHref();
    }
    return null;
  }

  private static String summaryOf(SyndEntry e) {
    SyndContent d = e.getDescription();
    if (d != null && d.getValue() != null && !d.getValue().isBlank()) {
      return clean(d.getValue(), SUMMARY_MAX);
    }
    if (e.getContents() != null && !e.getContents().isEmpty()) {
      return clean(e.getContents().get(0).getValue(), SUMMARY_MAX);
    }
    return null;
  }

  /** Strips markup from a title or summary and collapses whitespace; the pages stage does real extraction. */
  static String clean(String s, int max) {
    if (s == null) {
      return null;
    }
    String t = s.indexOf('<') >= 0 ? TAGS.matcher(s).replaceAll(" ") : s;
    t = SPACES.matcher(t).replaceAll(" ").trim();
    if (t.isEmpty()) {
      return null;
    }
    return t.length() <= max ? t : t.substring(0, max);
  }

  private static URI baseOf(String feedLink, String url) {
    for (String candidate : new String[] {url, feedLink}) {
      if (candidate != null && (candidate.startsWith("http://") || candidate.startsWith("https://"))) {
        try {
          return new URI(candidate.trim());
        } catch (java.net.URISyntaxException e) {
          // try the next candidate
          continue;
        }
      }
    }
    return null;
  }

  static String absolute(URI base, String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    String l = link.trim();
    if (l.startsWith("http://") || l.startsWith("https://")) {
      return l;
    }
    if (base == null) {
      return l;
    }
    try {
      return base.resolve(new URI(l.replace(" ", "%20"))).toString();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return l;
    }
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }

  private static String position(ParsingFeedException e) {
    return e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() : "";
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    return m.length() > 300 ? m.substring(0, 300) : m;
  }
}
