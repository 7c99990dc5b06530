package org.watchfloor.pages.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Json;

/** Reads an article page's metadata from JSON-LD, OpenGraph and meta tags, {@code <time>} and the markup. */
final class PageMetadata {
  private static final Logger LOG = LoggerFactory.getLogger(PageMetadata.class);

  private static final Set<String> ARTICLE_TYPES = Set.of(
      "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
      "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
      "techarticle", "scholarlyarticle", "report", "webpage");
  private static final Pattern BY = Pattern.compile("(?i)^\\s*(by|von|par|por|written by)\\s+");
  private static final Pattern AUTHOR_SPLIT = Pattern.compile("\\s*(?:,|&|\\band\\b|\\bund\\b|\\bet\\b|;)\\s*");
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»]\\s+");

  String title;
  List<String> authors = new ArrayList<>();
  Instant published;
  Instant modified;
  String canonicalUrl;
  String language;
  String leadImage;
  String siteName;
  String description;

  static PageMetadata read(Document doc) {
    PageMetadata m = new PageMetadata();
    m.readJsonLd(doc);
    m.readMeta(doc);
    m.readMarkup(doc);
    return m;
  }

  private void readJsonLd(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      String json = script.data();
      if (json.isBlank()) {
        continue;
      }
      try {
        JsonNode root = Json.MAPPER.readTree(json);
        visitJsonLd(root, 0);
      } catch (IOException e) {
        LOG.debug("Skipping unreadable JSON-LD in {}: {}", doc.location(), e.getMessage());
      }
    }
  }

  private void visitJsonLd(JsonNode node, int depth) {
    if (node == null || depth > 4) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        visitJsonLd(item, depth + 1);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (node.has("@graph")) {
      visitJsonLd(node.get("@graph"), depth + 1);
    }
    if (!isArticleType(node.get("@type"))) {
      return;
    }
    boolean webPage = typeNames(node.get("@type")).contains("webpage");
    if (webPage && title != null) {
      return;
    }
    title = firstNonBlank(title, text(node.get("headline")), webPage ? null : text(node.get("name")));
    if (authors.isEmpty()) {
      addAuthors(node.get("author"));
    }
    published = published != null ? published : DateParser.parse(text(node.get("datePublished")));
    modified = modified != null ? modified : DateParser.parse(text(node.get("dateModified")));
    leadImage = firstNonBlank(leadImage, imageUrl(node.get("image")));
    JsonNode publisher = node.get("publisher");
    if (publisher != null) {
      siteName = firstNonBlank(siteName, publisher.isObject() ? text(publisher.get("name")) : text(publisher));
    }
    language = firstNonBlank(language, text(node.get("inLanguage")));
    description = firstNonBlank(description, text(node.get("description")));
    JsonNode main = node.get("mainEntityOfPage");
    String mainUrl = main == null ? null : main.isObject() ? text(main.get("@id")) : text(main);
    if (mainUrl != null && mainUrl.startsWith("http")) {
      canonicalUrl = firstNonBlank(canonicalUrl, mainUrl);
    }
  }

  private static boolean isArticleType(JsonNode type) {
    for (String t : typeNames(type)) {
      if (ARTICLE_TYPES.contains(t)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> typeNames(JsonNode type) {
    List<String> names = new ArrayList<>();
    if (type == null) {
      return names;
    }
    if (type.isArray()) {
      type.forEach(t -> names.add(t.asText().toLowerCase(Locale.ROOT)));
    } else {
      names.add(type.asText().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  private void addAuthors(JsonNode author) {
    if (author == null) {
      return;
    }
    if (author.isArray()) {
      author.forEach(this::addAuthors);
    } else if (author.isObject()) {
      addAuthorText(text(author.get("name")));
    } else {
      addAuthorText(author.asText());
    }
  }

  private void readMeta(Document doc) {
    for (Element meta : doc.select("meta[content]")) {
      String key = meta.hasAttr("property") ? meta.attr("property") : meta.hasAttr("name") ? meta.attr("name")
          : meta.hasAttr("itemprop") ? meta.attr("itemprop") : meta.attr("http-equiv");
      key = key.toLowerCase(Locale.ROOT).trim();
      String content = meta.attr("content").trim();
      if (content.isEmpty()) {
        continue;
      }
      switch (key) {
        case "og:title", "twitter:title" -> title = firstNonBlank(title, content);
        case "og:site_name", "application-name" -> siteName = firstNonBlank(siteName, content);
        case "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src" ->
            leadImage = firstNonBlank(leadImage, meta.absUrl("content").isEmpty() ? content : meta.absUrl("content"));
        case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
            "dc.date.issued", "dcterms.created", "dc.date", "sailthru.date", "parsely-pub-date", "og:published_time" ->
            published = published != null ? published : DateParser.parse(content);
        case "article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified" ->
            modified = modified != null ? modified : DateParser.parse(content);
        case "author", "article:author", "dc.creator", "parsely-author", "sailthru.author" -> {
          if (authors.isEmpty() && !content.startsWith("http")) {
            addAuthorText(content);
          }
        }
        case "content-language", "language", "dc.language", "og:locale" ->
            language = firstNonBlank(language, content);
        case "description", "og:description", "twitter:description" ->
            description = firstNonBlank(description, content);
        case "og:url" -> canonicalUrl = firstNonBlank(canonicalUrl, meta.absUrl("content"));
        default -> {
          // other meta tags carry nothing the article record needs
        }
      }
    }
  }

  private void readMarkup(Document doc) {
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    if (canonical != null && !canonical.absUrl("href").isEmpty()) {
      // The link element is the page's own statement; og:url and JSON-LD are often copied from templates.
      canonicalUrl = canonical.absUrl("href");
    }
    String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
    if (!lang.isBlank()) {
      language = lang;
    }
    language = primaryLanguage(language);
    if (published == null) {
      Element time = doc.selectFirst("[itemprop=datePublished][datetime], [itemprop=datePublished][content], "
          + "time[pubdate][datetime], article time[datetime], time[datetime]");
      if (time != null) {
        published = DateParser.parse(time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content"));
      }
    }
    if (modified == null) {
      Element time = doc.selectFirst("[itemprop=dateModified][datetime], [itemprop=dateModified][content]");
      if (time != null) {
        modified = DateParser.parse(time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content"));
      }
    }
    if (authors.isEmpty()) {
      for (Element e : doc.select("[rel=author], [itemprop=author] [itemprop=name], .byline [class*=name], "
          + ".author-name, .byline__name")) {
        addAuthorText(e.text());
      }
    }
    if (authors.isEmpty()) {
      Element byline = doc.selectFirst(".byline, .author, [class*=byline]");
      if (byline != null && byline.text().length() < 120) {
        addAuthorText(byline.text());
      }
    }
    Element h1 = doc.selectFirst("article h1, main h1, h1");
    if (title == null && h1 != null && !h1.text().isBlank()) {
      title = h1.text();
    }
    if (title == null) {
      title = cleanDocumentTitle(doc.title(), siteName);
    }
    if (title != null) {
      title = title.strip().replaceAll("\\s+", " ");
    }
    if (leadImage == null) {
      Element img = doc.selectFirst("article img[src], main img[src]");
      if (img != null) {
        leadImage = img.absUrl("src");
      }
    }
    authors = new ArrayList<>(new LinkedHashSet<>(authors));
    if (authors.size() > 10) {
      authors = new ArrayList<>(authors.subList(0, 10));
    }
  }

  private void addAuthorText(String raw) {
    if (raw == null) {
      return;
    }
    String s = BY.matcher(raw.strip()).replaceFirst("");
    for (String name : AUTHOR_SPLIT.split(s)) {
      String n = name.strip().replaceAll("\\s+", " ");
      if (!n.isEmpty() && n.length() <= 80 && !n.startsWith("http") && Character.isLetter(n.charAt(0))) {
        authors.add(n);
      }
    }
  }

  static String cleanDocumentTitle(String title, String siteName) {
    if (title == null || title.isBlank()) {
      return null;
    }
    String[] parts = TITLE_SEPARATOR.split(title.strip());
    if (parts.length < 2) {
      return title.strip();
    }
    String last = parts[parts.length - 1];
    String first = parts[0];
    if (siteName != null && first.equalsIgnoreCase(siteName)) {
      return title.substring(title.indexOf(parts[1]));
    }
    if ((siteName != null && last.equalsIgnoreCase(siteName)) || last.length() < first.length()) {
      return title.substring(0, title.lastIndexOf(last)).replaceAll("[\\s|\\-–—:·»]+$", "");
    }
    return title.strip();
  }

  static String primaryLanguage(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String t = tag.strip().split("[-_,;\\s]")[0].toLowerCase(Locale.ROOT);
    return t.length() >= 2 && t.length() <= 3 && t.chars().allMatch(Character::isLetter) ? t : null;
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      return node.isEmpty() ? null : text(node.get(0));
    }
    if (node.isObject()) {
      return null;
    }
    String s = node.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static String imageUrl(JsonNode image) {
    if (image == null) {
      return null;
    }
    if (image.isArray()) {
      return image.isEmpty() ? null : imageUrl(image.get(0));
    }
    if (image.isObject()) {
      return text(image.get("url"));
    }
    return text(image);
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
