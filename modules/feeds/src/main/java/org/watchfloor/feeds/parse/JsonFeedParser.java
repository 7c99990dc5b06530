package org.watchfloor.feeds.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) into the same entries as RSS and Atom: id, url,
 * title, summary (or else the text of {@code content_text} or {@code content_html}), {@code date_published} (or else
 * {@code date_modified}), the authors ({@code authors} in 1.1, {@code author} in 1.0) and the language (the item's,
 * else the feed's, 1.1). Stateless and thread-safe.
 */
final class JsonFeedParser {
  /** The version URLs this parser reads, and the format name each gets. */
  private static final String V1 = "https://jsonfeed.org/version/1";
  private static final String V11 = "https://jsonfeed.org/version/1.1";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static {
    // A hostile feed must not nest without end or carry huge numbers.
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(64).maxNumberLength(100).maxStringLength(10_000_000).build());
  }

  private JsonFeedParser() {}

  static ParsedFeed parse(String text, String url, URI base) throws FeedParseException {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonParseException e) {
      throw new FeedParseException(url, FeedParseException.Reason.MALFORMED_JSON,
          "not well-formed JSON" + where(e.getLocation()) + ": " + plain(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new FeedParseException(url, FeedParseException.Reason.MALFORMED_JSON,
          "not well-formed JSON" + where(e.getLocation()));
    }
    if (root == null || !root.isObject()) {
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED,
          "JSON, but not a JSON Feed: the document is not an object with \"version\" and \"items\"");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isTextual()) {
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED,
          "JSON, but not a JSON Feed: it has no \"version\" (expected " + V11 + " or " + V1 + ")");
    }
    String v = version.asText().trim();
    String format;
    if (sameVersion(v, V1)) {
      format = "json_1.0";
    } else if (sameVersion(v, V11)) {
      format = "json_1.1";
    } else {
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED,
          "JSON Feed version \"" + shorten(v, 80) + "\" is not one this reader knows (" + V1 + " or " + V11 + ")");
    }
    JsonNode items = root.get("items");
    if (items == null || !items.isArray()) {
      throw new FeedParseException(url, FeedParseException.Reason.NOT_A_FEED,
          "a JSON Feed needs an \"items\" array" + (items == null ? "; this one has none" : "; here it is not a list"));
    }
    URI feedBase = base;
    String home = text(root, "home_page_url");
    if (feedBase == null && home != null) {
      feedBase = uri(home);
    }
    String feedLanguage = text(root, "language");
    List<String> feedAuthors = authors(root);
    List<ParsedEntry> entries = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      if (!item.isObject()) {
        continue;
      }
      ParsedEntry e = entry(item, feedBase, feedLanguage, feedAuthors);
      if (e != null) {
        entries.add(e);
      }
    }
    return new ParsedFeed(format, FeedParser.clean(text(root, "title"), 500), entries);
  }

  private static ParsedEntry entry(JsonNode item, URI base, String feedLanguage, List<String> feedAuthors) {
    String link = FeedParser.absolute(base, text(item, "url"));
    if (link == null) {
      link = FeedParser.absolute(base, text(item, "external_url"));
    }
    // 1.0 allowed a number as id; the spec says to read it as a string.
    JsonNode idNode = item.get("id");
    String id = idNode != null && (idNode.isTextual() || idNode.isNumber()) ? idNode.asText() : null;
    String title = text(item, "title");
    if (id == null || id.isBlank()) {
      id = link != null ? link : title;
    }
    if (id == null || id.isBlank()) {
      return null;
    }
    String summary = FeedParser.clean(text(item, "summary"), FeedParser.SUMMARY_MAX);
    if (summary == null) {
      summary = FeedParser.clean(text(item, "content_text"), FeedParser.SUMMARY_MAX);
    }
    if (summary == null) {
      summary = FeedParser.clean(text(item, "content_html"), FeedParser.SUMMARY_MAX);
    }
    Instant published = date(text(item, "date_published"));
    if (published == null) {
      published = date(text(item, "date_modified"));
    }
    List<String> authors = authors(item);
    if (authors.isEmpty()) {
      authors = feedAuthors;
    }
    String language = text(item, "language");
    if (language == null) {
      language = feedLanguage;
    }
    return new ParsedEntry(id.trim(), link, FeedParser.clean(title, 500), summary, published,
        authors.isEmpty() ? null : String.join(", ", authors), language);
  }

  /** The names of {@code authors} (1.1), else of {@code author} (1.0). */
  private static List<String> authors(JsonNode node) {
    List<String> names = new ArrayList<>();
    JsonNode list = node.get("authors");
    if (list != null && list.isArray()) {
      for (JsonNode a : list) {
        String name = FeedParser.clean(text(a, "name"), 200);
        if (name != null) {
          names.add(name);
        }
      }
    }
    JsonNode one = node.get("author");
    if (names.isEmpty() && one != null && one.isObject()) {
      String name = FeedParser.clean(text(one, "name"), 200);
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  private static boolean sameVersion(String v, String known) {
    String a = v.toLowerCase(Locale.ROOT);
    // Some publishers write http:// or a trailing slash.
    a = a.replaceFirst("^http://", "https://");
    if (a.endsWith("/")) {
      a = a.substring(0, a.length() - 1);
    }
    return a.equals(known);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** RFC 3339, as the spec requires; an unreadable date is left out rather than failing the feed. */
  private static Instant date(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.trim()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s.trim());
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  private static URI uri(String s) {
    try {
      URI u = new URI(s.trim());
      return u.getScheme() != null && u.getScheme().toLowerCase(Locale.ROOT).startsWith("http") ? u : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String where(JsonLocation loc) {
    return loc == null || loc.getLineNr() < 1 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  /** Jackson's description of a syntax error, without its source excerpt or class names. */
  private static String plain(String message) {
    if (message == null) {
      return "unexpected content";
    }
    String m = message.replaceAll("\\s*\\(code \\d+\\)", "");
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    return shorten(m.trim(), 200);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
