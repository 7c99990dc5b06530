package org.watchfloor.feeds.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.WireFeedInput;
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
 * Parses RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome, and JSON Feed 1.0/1.1 with Jackson, safely: the encoding is
 * detected and checked first ({@link XmlText}), a DOCTYPE with an internal subset is refused (no XXE, no entity
 * expansion), an external-only DOCTYPE is ignored (never fetched), and HTML served as a feed gets its own error. Every
 * rejection is a {@link FeedParseException} whose message says in plain words what is wrong. Thread-safe and
 * stateless.
 */
public final class FeedParser {
  static final int SUMMARY_MAX = 2000;
  private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\s+([A-Za-z_:][-A-Za-z0-9._:]*)([^\\[>]*)(\\[)?",
      Pattern.CASE_INSENSITIVE);

  /**
   * Parses a feed body.
   *
   * @param body the bytes as served (already decompressed)
   * @param contentType the HTTP Content-Type, or null for a file
   * @param url the feed's URL or file name, used to resolve relative links and in errors
   */
  public ParsedFeed parse(byte[] body, String contentType, String url) throws FeedParseException {
    try {
      return parseChecked(body, contentType, url);
    } catch (RuntimeException e) {
      // Last resort: whatever a hostile document makes a library throw is reported in words, never as Java's text.
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED,
          "the document could not be read as a feed", e);
    }
  }

  private ParsedFeed parseChecked(byte[] body, String contentType, String url) throws FeedParseException {
    String httpCharset = charsetOf(contentType);
    String text = XmlText.decode(body, httpCharset, url);
    int start = firstMarkup(text);
    if (start < 0) {
      throw new FeedParseException(url, FeedParseException.Reason.EMPTY, "the body is empty");
    }
    if (text.charAt(start) == '{' || text.charAt(start) == '[') {
      return JsonFeedParser.parse(text.substring(start), url, baseOf(null, url));
    }
    if (text.charAt(start) != '<') {
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED, isJson(contentType)
          ? "the body is not JSON: it does not start with '{'"
          : "the body is neither XML nor JSON: it does not start with '<' (RSS, Atom) or '{' (JSON Feed)");
    }
    String head = text.substring(start, Math.min(text.length(), start + 2048)).toLowerCase(Locale.ROOT);
    if (looksLikeHtml(head, contentType)) {
      throw new FeedParseException(url, FeedParseException.Reason.HTML_NOT_FEED,
          "an HTML page was served instead of a feed"
              + (contentType == null ? "" : " (Content-Type " + contentType + ")"));
    }
    text = withoutExternalDoctype(text, url);
    WireFeed wire = build(text, url);
    URI base = baseOf(null, url);
    List<ParsedEntry> entries;
    String title;
    if (wire instanceof Channel) {
      Channel channel = (Channel) wire;
      base = baseOf(channel.getLink(), url);
      title = channel.getTitle();
      entries = new ArrayList<>(channel.getItems().size());
      for (Item item : channel.getItems()) {
        add(entries, fromRss(item, base));
      }
    } else if (wire instanceof Feed) {
      Feed atom = (Feed) wire;
      title = atom.getTitle();
      entries = new ArrayList<>(atom.getEntries().size());
      for (Entry entry : atom.getEntries()) {
        add(entries, fromAtom(entry, base));
      }
    } else {
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED,
          "unsupported feed type " + wire.getFeedType());
    }
    if (entries == null) {
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED, "the feed's entries are unreadable");
    }
    return new ParsedFeed(wire.getFeedType(), clean(title, 500), entries);
  }

  /**
   * Parses with Rome's XML healer off, which is much faster; only a document that fails is parsed again with the
   * healer on, which repairs the HTML entities and stray ampersands some feeds carry.
   */
  private static WireFeed build(String text, String url) throws FeedParseException {
    try {
      return input(false).build(new StringReader(text));
    } catch (ParsingFeedException first) {
      if (!isXmlSyntaxError(first)) {
        // Rome wraps whatever its format parsers throw (an RSS document without <channel> gives a
        // NullPointerException) as "Invalid XML": the XML was fine, the feed's structure is not.
        throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED, FeedStructure.describe(text), first);
      }
      try {
        return input(true).build(new StringReader(text));
      } catch (ParsingFeedException e) {
        if (!isXmlSyntaxError(e)) {
          throw new FeedParseException(url, FeedParseException.Reason.MALFORMED_XML,
              "not well-formed XML" + position(first) + ": " + rootMessage(first), first);
        }
        throw new FeedParseException(url, FeedParseException.Reason.MALFORMED_XML,
            "not well-formed XML" + position(e) + ": " + rootMessage(e), e);
      } catch (RuntimeException | FeedException e) {
        throw new FeedParseException(url, FeedParseException.Reason.MALFORMED_XML,
            "not well-formed XML" + position(first) + ": " + rootMessage(first), first);
      }
    } catch (IllegalArgumentException e) {
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED,
          "XML, but not RSS, Atom or RDF: " + FeedStructure.describe(text), e);
    } catch (FeedException e) {
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED, FeedStructure.describe(text), e);
    } catch (RuntimeException e) {
      // Rome reads a document of the right root but the wrong shape with unchecked exceptions (an RSS document
      // without <channel> gives a NullPointerException); say what is missing instead of what Java said.
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED, FeedStructure.describe(text), e);
    }
  }

  /** Whether Rome's "Invalid XML" came from the XML parser (a syntax error), not from a feed parser's own failure. */
  private static boolean isXmlSyntaxError(ParsingFeedException e) {
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof org.xml.sax.SAXException || c instanceof org.jdom2.JDOMException
          || c instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  private static WireFeedInput input(boolean healer) {
    WireFeedInput input = new ReusingFeedInput();
    input.setXmlHealerOn(healer);
    // DOCTYPEs are refused by the SAX parser itself too: no DTD fetching, no entity declarations.
    input.setAllowDoctypes(false);
    return input;
  }

  /**
   * Rome builds a new SAX builder, and with it a new Xerces parser, for every document; this keeps one hardened
   * builder per thread instead (Rome's own: entity resolver returning nothing, external entities and DTD loading off,
   * DOCTYPEs disallowed), which removes a large share of the parsing cost.
   */
  private static final class ReusingFeedInput extends WireFeedInput {
    private static final ThreadLocal<com.rometools.rome.io.SAXBuilder> BUILDERS = new ThreadLocal<>();

    ReusingFeedInput() {
      super(false, Locale.US);
    }

    @Override
    protected com.rometools.rome.io.SAXBuilder createSAXBuilder() {
      com.rometools.rome.io.SAXBuilder builder = BUILDERS.get();
      if (builder == null) {
        setAllowDoctypes(false);
        builder = super.createSAXBuilder();
        builder.setReuseParser(true);
        BUILDERS.set(builder);
      }
      return builder;
    }
  }

  private static void add(List<ParsedEntry> entries, ParsedEntry e) {
    if (e != null) {
      entries.add(e);
    }
  }

  private static ParsedEntry fromRss(Item item, URI base) {
    String rawLink = item.getLink();
    Guid guid = item.getGuid();
    String guidValue = guid == null ? null : guid.getValue();
    if ((rawLink == null || rawLink.isBlank()) && guid != null && guid.isPermaLink() && guidValue != null
        && (guidValue.startsWith("http://") || guidValue.startsWith("https://"))) {
      rawLink = guidValue;
    }
    String link = absolute(base, rawLink);
    String id = firstNonBlank(guidValue, link, item.getUri(), item.getTitle());
    if (id == null) {
      return null;
    }
    String summary = null;
    if (item.getDescription() != null) {
      summary = clean(item.getDescription().getValue(), SUMMARY_MAX);
    }
    if (summary == null && item.getContent() != null) {
      summary = clean(item.getContent().getValue(), SUMMARY_MAX);
    }
    Date date = item.getPubDate();
    if (date == null) {
      Module dc = item.getModule(DCModule.URI);
      if (dc instanceof DCModule) {
        date = ((DCModule) dc).getDate();
      }
    }
    return new ParsedEntry(id.trim(), link, clean(item.getTitle(), 500), summary, instant(date));
  }

  private static ParsedEntry fromAtom(Entry entry, URI base) {
    String rawLink = null;
    if (entry.getAlternateLinks() != null && !entry.getAlternateLinks().isEmpty()) {
      rawLink = entry.getAlternateLinks().get(0).getHrefResolved();
    } else if (entry.getOtherLinks() != null && !entry.getOtherLinks().isEmpty()) {
      rawLink = entry.getOtherLinks().get(0).getHrefResolved();
    }
    String link = absolute(base, rawLink);
    String id = firstNonBlank(entry.getId(), link, entry.getTitle());
    if (id == null) {
      return null;
    }
    String summary = entry.getSummary() == null ? null : clean(entry.getSummary().getValue(), SUMMARY_MAX);
    if (summary == null && entry.getContents() != null && !entry.getContents().isEmpty()) {
      summary = clean(entry.getContents().get(0).getValue(), SUMMARY_MAX);
    }
    Date date = firstDate(entry.getPublished(), entry.getIssued(), entry.getUpdated(), entry.getModified(),
        entry.getCreated());
    return new ParsedEntry(id.trim(), link, clean(entry.getTitle(), 500), summary, instant(date));
  }

  private static Date firstDate(Date... dates) {
    for (Date d : dates) {
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  static String charsetOf(String contentType) {
    return org.watchfloor.http.FetchResult.charsetOf(contentType);
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

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String t = contentType.toLowerCase(Locale.ROOT);
    return t.startsWith("application/json") || t.startsWith("application/feed+json");
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
    // A DOCTYPE can only come before the root element, so the head of the document is enough to look at.
    String head = text.length() <= 4096 ? text : text.substring(0, 4096);
    int at = head.indexOf("<!DOCTYPE");
    if (at < 0) {
      at = head.indexOf("<!doctype");
    }
    if (at < 0) {
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

  /** Strips markup from a title or summary and collapses whitespace; the pages stage does real extraction. */
  static String clean(String s, int max) {
    if (s == null) {
      return null;
    }
    // One pass instead of two regular expressions: markup becomes a space, whitespace runs collapse to one space.
    StringBuilder out = new StringBuilder(Math.min(s.length(), max + 1));
    boolean inTag = false;
    boolean space = false;
    for (int i = 0, n = s.length(); i < n && out.length() < max; i++) {
      char c = s.charAt(i);
      if (inTag) {
        if (c == '>') {
          inTag = false;
          space = true;
        }
        continue;
      }
      if (c == '<') {
        // A script or style element's content is code, not text: skip it with its end tag.
        String element = s.regionMatches(true, i + 1, "script", 0, 6) ? "script"
            : s.regionMatches(true, i + 1, "style", 0, 5) ? "style" : null;
        if (element != null) {
          int end = indexOfIgnoreCase(s, "</" + element, i + 1 + element.length());
          int close = end < 0 ? -1 : s.indexOf('>', end);
          i = close < 0 ? n : close;
          space = true;
          continue;
        }
        inTag = true;
        space = true;
        continue;
      }
      if (Character.isWhitespace(c) || c == '\u00A0') {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.append(c);
    }
    if (out.length() == 0) {
      return null;
    }
    return out.length() <= max ? out.toString() : out.substring(0, max);
  }

  private static int indexOfIgnoreCase(String s, String what, int from) {
    for (int i = Math.max(0, from), last = s.length() - what.length(); i <= last; i++) {
      if (s.regionMatches(true, i, what, 0, what.length())) {
        return i;
      }
    }
    return -1;
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
    String m = c.getMessage() == null ? "unexpected content" : c.getMessage();
    return m.length() > 300 ? m.substring(0, 300) : m;
  }
}
