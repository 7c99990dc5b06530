package org.watchfloor.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Renders the sample site: three feed formats and realistic article pages, as plain strings. */
final class SampleSiteRenderer {
  static final String SITE_NAME = "The Meridian Desk";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DISPLAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final String baseUrl;

  SampleSiteRenderer(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  String url(SampleArticle a) {
    return baseUrl + a.path();
  }

  static String httpDate(Instant instant) {
    return RFC_1123.format(instant);
  }

  String rss(List<SampleArticle> articles, Instant updated) {
    StringBuilder x = new StringBuilder(16_384)
        .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" ")
        .append("xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n")
        .append("  <title>").append(esc(SITE_NAME)).append(" - World</title>\n")
        .append("  <link>").append(esc(baseUrl)).append("/</link>\n")
        .append("  <atom:link href=\"").append(esc(baseUrl)).append("/rss.xml\" rel=\"self\" type=\"application/rss+xml\"/>\n")
        .append("  <description>World news and analysis from ").append(esc(SITE_NAME)).append("</description>\n")
        .append("  <language>en</language>\n")
        .append("  <lastBuildDate>").append(httpDate(updated)).append("</lastBuildDate>\n");
    for (SampleArticle a : articles) {
      x.append("  <item>\n")
          .append("    <title>").append(esc(a.title())).append("</title>\n")
          .append("    <link>").append(esc(url(a))).append("</link>\n")
          .append("    <guid isPermaLink=\"true\">").append(esc(url(a))).append("</guid>\n")
          .append("    <pubDate>").append(httpDate(a.published())).append("</pubDate>\n")
          .append("    <dc:creator>").append(esc(a.author())).append("</dc:creator>\n")
          .append("    <category>").append(esc(a.region())).append("</category>\n")
          .append("    <description>").append(esc(a.summary())).append("</description>\n")
          .append("  </item>\n");
    }
    return x.append("</channel>\n</rss>\n").toString();
  }

  String atom(List<SampleArticle> articles, Instant updated) {
    StringBuilder x = new StringBuilder(16_384)
        .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n")
        .append("  <title>").append(esc(SITE_NAME)).append(" - Analysis</title>\n")
        .append("  <id>").append(esc(baseUrl)).append("/atom.xml</id>\n")
        .append("  <link rel=\"self\" href=\"").append(esc(baseUrl)).append("/atom.xml\"/>\n")
        .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(esc(baseUrl)).append("/\"/>\n")
        .append("  <updated>").append(updated).append("</updated>\n")
        .append("  <author><name>").append(esc(SITE_NAME)).append("</name></author>\n");
    for (SampleArticle a : articles) {
      x.append("  <entry>\n")
          .append("    <title>").append(esc(a.title())).append("</title>\n")
          .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(esc(url(a))).append("\"/>\n")
          .append("    <id>tag:meridian-desk.example,2026:").append(esc(a.slug())).append("</id>\n")
          .append("    <published>").append(a.published()).append("</published>\n")
          .append("    <updated>").append(a.published()).append("</updated>\n")
          .append("    <author><name>").append(esc(a.author())).append("</name></author>\n")
          .append("    <category term=\"").append(esc(a.region())).append("\"/>\n")
          .append("    <summary type=\"text\">").append(esc(a.summary())).append("</summary>\n")
          .append("  </entry>\n");
    }
    return x.append("</feed>\n").toString();
  }

  String rdf(List<SampleArticle> articles, Instant updated) {
    StringBuilder x = new StringBuilder(16_384)
        .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" ")
        .append("xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
        .append("  <channel rdf:about=\"").append(esc(baseUrl)).append("/rdf.xml\">\n")
        .append("    <title>").append(esc(SITE_NAME)).append(" - Regions</title>\n")
        .append("    <link>").append(esc(baseUrl)).append("/</link>\n")
        .append("    <description>Regional briefs from ").append(esc(SITE_NAME)).append("</description>\n")
        .append("    <dc:date>").append(updated).append("</dc:date>\n")
        .append("    <items>\n      <rdf:Seq>\n");
    for (SampleArticle a : articles) {
      x.append("        <rdf:li rdf:resource=\"").append(esc(url(a))).append("\"/>\n");
    }
    x.append("      </rdf:Seq>\n    </items>\n  </channel>\n");
    for (SampleArticle a : articles) {
      x.append("  <item rdf:about=\"").append(esc(url(a))).append("\">\n")
          .append("    <title>").append(esc(a.title())).append("</title>\n")
          .append("    <link>").append(esc(url(a))).append("</link>\n")
          .append("    <description>").append(esc(a.summary())).append("</description>\n")
          .append("    <dc:date>").append(a.published()).append("</dc:date>\n")
          .append("    <dc:creator>").append(esc(a.author())).append("</dc:creator>\n")
          .append("    <dc:subject>").append(esc(a.region())).append("</dc:subject>\n")
          .append("  </item>\n");
    }
    return x.append("</rdf:RDF>\n").toString();
  }

  String article(SampleArticle a, List<SampleArticle> related, List<SampleArticle> latest) {
    String url = url(a);
    StringBuilder h = new StringBuilder(8_192)
        .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(a.title())).append(" | ").append(esc(SITE_NAME)).append("</title>\n")
        .append("<meta name=\"description\" content=\"").append(esc(a.summary())).append("\">\n")
        .append("<meta name=\"author\" content=\"").append(esc(a.author())).append("\">\n")
        .append("<link rel=\"canonical\" href=\"").append(esc(url)).append("\">\n")
        .append("<meta property=\"og:type\" content=\"article\">\n")
        .append("<meta property=\"og:site_name\" content=\"").append(esc(SITE_NAME)).append("\">\n")
        .append("<meta property=\"og:title\" content=\"").append(esc(a.title())).append("\">\n")
        .append("<meta property=\"og:description\" content=\"").append(esc(a.summary())).append("\">\n")
        .append("<meta property=\"og:url\" content=\"").append(esc(url)).append("\">\n")
        .append("<meta property=\"og:image\" content=\"").append(esc(baseUrl)).append("/images/")
        .append(esc(a.slug())).append(".jpg\">\n")
        .append("<meta property=\"article:published_time\" content=\"").append(a.published()).append("\">\n")
        .append("<meta property=\"article:section\" content=\"").append(esc(a.region())).append("\">\n")
        .append("<script type=\"application/ld+json\">").append(jsonLd(a, url)).append("</script>\n")
        .append("<link rel=\"stylesheet\" href=\"/static/site.css\">\n")
        .append("<script src=\"/static/analytics.js\" async></script>\n")
        .append("</head>\n<body class=\"article-page\">\n")
        .append("<div id=\"cookie-banner\" class=\"consent\" role=\"dialog\">\n")
        .append("  <p>We use cookies to remember your preferences and to measure readership. ")
        .append("You can change your choice at any time in Privacy settings.</p>\n")
        .append("  <button class=\"accept\">Accept all</button> <button class=\"reject\">Reject optional</button>\n")
        .append("</div>\n")
        .append("<header class=\"site-header\">\n")
        .append("  <a class=\"logo\" href=\"/\">").append(esc(SITE_NAME)).append("</a>\n")
        .append("  <nav class=\"main-nav\"><ul>\n")
        .append("    <li><a href=\"/\">Home</a></li><li><a href=\"/world/\">World</a></li>")
        .append("<li><a href=\"/asia/\">Asia</a></li><li><a href=\"/europe/\">Europe</a></li>")
        .append("<li><a href=\"/analysis/\">Analysis</a></li><li><a href=\"/subscribe/\">Subscribe</a></li>\n")
        .append("  </ul></nav>\n")
        .append("</header>\n")
        .append("<div class=\"ad-slot leaderboard\">Advertisement</div>\n")
        .append("<main>\n<article class=\"story\" itemscope itemtype=\"https://schema.org/NewsArticle\">\n")
        .append("  <header class=\"story-header\">\n")
        .append("    <p class=\"kicker\"><a href=\"/world/").append(esc(a.region())).append("/\">")
        .append(esc(regionLabel(a.region()))).append("</a></p>\n")
        .append("    <h1 itemprop=\"headline\">").append(esc(a.title())).append("</h1>\n")
        .append("    <p class=\"standfirst\">").append(esc(a.summary())).append("</p>\n")
        .append("    <p class=\"byline\">By <span class=\"author\" itemprop=\"author\">").append(esc(a.author()))
        .append("</span> &middot; <time datetime=\"").append(a.published()).append("\" itemprop=\"datePublished\">")
        .append(DISPLAY.format(a.published())).append("</time></p>\n")
        .append("    <ul class=\"share\"><li><a href=\"#\">Share</a></li><li><a href=\"#\">Save</a></li></ul>\n")
        .append("  </header>\n")
        .append("  <figure class=\"lead-image\"><img src=\"/images/").append(esc(a.slug()))
        .append(".jpg\" alt=\"\" width=\"1200\" height=\"675\"><figcaption>File photo.</figcaption></figure>\n")
        .append("  <div class=\"story-body\" itemprop=\"articleBody\">\n");
    for (int i = 0; i < a.paragraphs().size(); i++) {
      h.append("    <p>").append(esc(a.paragraphs().get(i))).append("</p>\n");
      if (i == 1 && a.paragraphs().size() > 3) {
        h.append("    <aside class=\"inline-promo\"><p>Get the morning briefing in your inbox. ")
            .append("<a href=\"/newsletters/\">Sign up</a></p></aside>\n");
      }
    }
    h.append("  </div>\n")
        .append("  <footer class=\"story-footer\"><p class=\"tags\">Filed under: ")
        .append(esc(regionLabel(a.region()))).append("</p></footer>\n")
        .append("</article>\n")
        .append("<section class=\"related\">\n  <h2>Related stories</h2>\n  <ul>\n");
    for (SampleArticle r : related) {
      h.append("    <li><a href=\"").append(esc(r.path())).append("\">").append(esc(r.title())).append("</a></li>\n");
    }
    h.append("  </ul>\n</section>\n</main>\n")
        .append("<aside class=\"sidebar\">\n  <h2>Most read</h2>\n  <ol>\n");
    for (SampleArticle r : latest) {
      h.append("    <li><a href=\"").append(esc(r.path())).append("\">").append(esc(r.title())).append("</a></li>\n");
    }
    return h.append("  </ol>\n  <div class=\"ad-slot mpu\">Advertisement</div>\n</aside>\n")
        .append("<footer class=\"site-footer\">\n")
        .append("  <ul><li><a href=\"/about/\">About us</a></li><li><a href=\"/contact/\">Contact</a></li>")
        .append("<li><a href=\"/privacy/\">Privacy</a></li><li><a href=\"/terms/\">Terms</a></li></ul>\n")
        .append("  <p>&copy; ").append(esc(SITE_NAME))
        .append(". A sample site generated for Watchfloor's local demo; every story on it is fictional.</p>\n")
        .append("</footer>\n</body>\n</html>\n").toString();
  }

  String index(List<SampleArticle> articles) {
    StringBuilder h = new StringBuilder(4_096)
        .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>")
        .append(esc(SITE_NAME)).append("</title>\n")
        .append("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"World\" href=\"/rss.xml\">\n")
        .append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Analysis\" href=\"/atom.xml\">\n")
        .append("<link rel=\"alternate\" type=\"application/rdf+xml\" title=\"Regions\" href=\"/rdf.xml\">\n")
        .append("</head>\n<body>\n<h1>").append(esc(SITE_NAME)).append("</h1>\n<ul>\n");
    for (SampleArticle a : articles) {
      h.append("  <li><a href=\"").append(esc(a.path())).append("\">").append(esc(a.title())).append("</a></li>\n");
    }
    return h.append("</ul>\n</body>\n</html>\n").toString();
  }

  private String jsonLd(SampleArticle a, String url) {
    ObjectNode ld = JSON.createObjectNode()
        .put("@context", "https://schema.org")
        .put("@type", "NewsArticle")
        .put("headline", a.title())
        .put("description", a.summary())
        .put("datePublished", a.published().toString())
        .put("dateModified", a.published().toString())
        .put("url", url)
        .put("mainEntityOfPage", url)
        .put("articleSection", regionLabel(a.region()))
        .put("inLanguage", "en");
    ld.putObject("author").put("@type", "Person").put("name", a.author());
    ObjectNode publisher = ld.putObject("publisher").put("@type", "NewsMediaOrganization").put("name", SITE_NAME);
    publisher.putObject("logo").put("@type", "ImageObject").put("url", baseUrl + "/static/logo.png");
    ArrayNode image = ld.putArray("image");
    image.add(baseUrl + "/images/" + a.slug() + ".jpg");
    try {
      // "</" would end the script element early
      return JSON.writeValueAsString(ld).replace("</", "<\\/");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON-LD for " + a.slug(), e);
    }
  }

  static String regionLabel(String region) {
    switch (region) {
      case "korean-peninsula": return "Korean Peninsula";
      case "taiwan-strait": return "Taiwan Strait";
      case "ukraine-russia": return "Ukraine and Russia";
      case "middle-east": return "Middle East";
      case "sahel-africa": return "Africa";
      case "latin-america": return "Latin America";
      case "south-asia": return "South Asia";
      case "europe": return "Europe";
      default: return region;
    }
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&': out.append("&amp;"); break;
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '"': out.append("&quot;"); break;
        case '\'': out.append("&#39;"); break;
        default: out.append(c);
      }
    }
    return out.toString();
  }
}
