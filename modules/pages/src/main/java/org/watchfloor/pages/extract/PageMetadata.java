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
  String articleBody;

  static PageMetadata read(Document doc) {
    PageMetadata m = new PageMetadata();
    Found found = Found.scan(doc);
    for (Element script : found.jsonLd) {
      m.readJsonLd(script, doc.location());
    }
    for (Element meta : found.metas) {
      m.readMeta(meta);
    }
    m.readMarkup(doc, found);
    return m;
  }

  private void readJsonLd(Element script, String location) {
    String json = script.data();
    if (json.isBlank()) {
      return;
    }
    try {
      visitJsonLd(Json.MAPPER.readTree(json), 0);
    } catch (IOException e) {
      LOG.debug("Skipping unreadable JSON-LD in {}: {}", location, e.getMessage());
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
    articleBody = firstNonBlank(articleBody, text(node.get("articleBody")));
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

  private void readMeta(Element meta) {
    {
      String key = meta.hasAttr("property") ? meta.attr("property") : meta.hasAttr("name") ? meta.attr("name")
          : meta.hasAttr("itemprop") ? meta.attr("itemprop") : meta.attr("http-equiv");
      key = key.toLowerCase(Locale.ROOT).trim();
      String content = meta.attr("content").trim();
      if (content.isEmpty()) {
        return;
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

  private void readMarkup(Document doc, Found found) {
    if (found.canonical != null && !found.canonical.absUrl("href").isEmpty()) {
      // The link element is the page's own statement; og:url and JSON-LD are often copied from templates.
      canonicalUrl = found.canonical.absUrl("href");
    }
    String lang = found.html == null ? "" : found.html.attr("lang");
    if (!lang.isBlank()) {
      language = lang;
    }
    language = primaryLanguage(language);
    if (published == null) {
      Element time = found.itempropPublished != null ? found.itempropPublished
          : found.pubdateTime != null ? found.pubdateTime
          : found.articleTime != null ? found.articleTime : found.firstTime;
      if (time != null) {
        published = DateParser.parse(time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content"));
      }
    }
    if (modified == null && found.itempropModified != null) {
      Element time = found.itempropModified;
      modified = DateParser.parse(time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content"));
    }
    if (authors.isEmpty()) {
      for (Element e : found.authorElements) {
        addAuthorText(e.text());
      }
    }
    if (authors.isEmpty() && found.byline != null) {
      String byline = found.byline.text();
      if (byline.length() < 120) {
        addAuthorText(byline);
      }
    }
    Element h1 = found.articleH1 != null ? found.articleH1 : found.h1;
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
      Element img = found.articleImage;
      if (img != null) {
        leadImage = img.absUrl("src");
      }
    }
    authors = new ArrayList<>(new LinkedHashSet<>(authors));
    if (authors.size() > 10) {
      authors = new ArrayList<>(authors.subList(0, 10));
    }
  }

  /** Everything metadata needs from the markup, gathered in one pass over the document. */
  private static final class Found {
    final List<Element> jsonLd = new ArrayList<>();
    final List<Element> metas = new ArrayList<>();
    final List<Element> authorElements = new ArrayList<>();
    Element canonical;
    Element html;
    Element itempropPublished;
    Element itempropModified;
    Element firstTime;
    Element articleTime;
    Element pubdateTime;
    Element h1;
    Element articleH1;
    Element articleImage;
    Element byline;

    static Found scan(Document doc) {
      Found f = new Found();
      for (Element e : doc.getAllElements()) {
        String tag = e.normalName();
        switch (tag) {
          case "html" -> f.html = f.html == null ? e : f.html;
          case "script" -> {
            if ("application/ld+json".equalsIgnoreCase(e.attr("type").trim())) {
              f.jsonLd.add(e);
            }
          }
          case "meta" -> {
            if (e.hasAttr("content")) {
              f.metas.add(e);
            }
          }
          case "link" -> {
            if (f.canonical == null && "canonical".equalsIgnoreCase(e.attr("rel").trim()) && e.hasAttr("href")) {
              f.canonical = e;
            }
          }
          case "time" -> {
            if (e.hasAttr("datetime")) {
              f.firstTime = f.firstTime == null ? e : f.firstTime;
              if (f.pubdateTime == null && e.hasAttr("pubdate")) {
                f.pubdateTime = e;
              }
              if (f.articleTime == null && inside(e, "article")) {
                f.articleTime = e;
              }
            }
          }
          case "h1" -> {
            f.h1 = f.h1 == null ? e : f.h1;
            if (f.articleH1 == null && (inside(e, "article") || inside(e, "main"))) {
              f.articleH1 = e;
            }
          }
          case "img" -> {
            if (f.articleImage == null && e.hasAttr("src") && (inside(e, "article") || inside(e, "main"))) {
              f.articleImage = e;
            }
          }
          default -> {
            // other tags matter only through the attributes checked below
          }
        }
        f.scanAttributes(e, tag);
      }
      return f;
    }

    private void scanAttributes(Element e, String tag) {
      String itemprop = e.attr("itemprop");
      if (!itemprop.isEmpty()) {
        boolean dated = e.hasAttr("datetime") || e.hasAttr("content");
        if (dated && itempropPublished == null && "datePublished".equals(itemprop)) {
          itempropPublished = e;
        } else if (dated && itempropModified == null && "dateModified".equals(itemprop)) {
          itempropModified = e;
        } else if ("name".equals(itemprop) && e.parent() != null && "author".equals(e.parent().attr("itemprop"))) {
          authorElements.add(e);
        }
      }
      if (!"link".equals(tag) && "author".equalsIgnoreCase(e.attr("rel"))) {
        authorElements.add(e);
      }
      String cls = e.className();
      if (!cls.isEmpty()) {
        if (cls.contains("author-name") || cls.contains("byline__name")) {
          authorElements.add(e);
        }
        if (byline == null && (cls.contains("byline") || hasClassToken(cls, "author"))) {
          byline = e;
        }
      }
    }

    private static boolean inside(Element e, String tag) {
      for (Element p = e.parent(); p != null; p = p.parent()) {
        if (tag.equals(p.normalName())) {
          return true;
        }
      }
      return false;
    }

    private static boolean hasClassToken(String cls, String token) {
      for (String c : cls.split("\\s+")) {
        if (c.equals(token)) {
          return true;
        }
      }
      return false;
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
