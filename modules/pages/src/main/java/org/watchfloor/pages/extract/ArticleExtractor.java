package org.watchfloor.pages.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Extracts an article's clean main text and metadata from its HTML; pure, thread-safe and free of I/O.
 *
 * <pre>{@code
 * Extraction e = new ArticleExtractor().extract(html, "https://example.org/news/1");
 * }</pre>
 */
public final class ArticleExtractor {

  /** Extracts the article from a page's HTML; {@code url} resolves relative links and may be empty. */
  public Extraction extract(String html, String url) {
    Objects.requireNonNull(html, "html");
    return extract(Jsoup.parse(html, url == null ? "" : url));
  }

  /**
   * Extracts the article from a page's bytes, decoded with the given charset or, when it is null, the one the markup
   * declares (BOM, {@code <meta charset>}), else UTF-8.
   */
  public Extraction extract(byte[] body, String charset, String url) {
    Objects.requireNonNull(body, "body");
    try {
      return extract(Jsoup.parse(new ByteArrayInputStream(body), charset, url == null ? "" : url));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode page " + url, e);
    }
  }

  private static Extraction extract(Document doc) {
    PageMetadata meta = PageMetadata.read(doc);
    String text = withoutTitle(ContentExtractor.extract(doc), meta.title);
    if (text.length() < MIN_PAGE_TEXT && meta.articleBody != null && meta.articleBody.length() > text.length()) {
      // Script-rendered pages and some paywalls show almost nothing but declare the story in JSON-LD.
      text = paragraphs(meta.articleBody);
    }
    return new Extraction(meta.title, text, meta.authors, meta.published, meta.modified, meta.canonicalUrl,
        meta.language, meta.leadImage, meta.siteName, meta.description);
  }

  /** Below this many characters the page text is taken as missing and JSON-LD {@code articleBody} may stand in. */
  static final int MIN_PAGE_TEXT = 200;

  private static String paragraphs(String body) {
    StringBuilder sb = new StringBuilder(body.length());
    for (String line : body.split("\\s*\\n\\s*")) {
      String p = line.strip().replaceAll("\\s+", " ");
      if (!p.isEmpty()) {
        if (sb.length() > 0) {
          sb.append("\n\n");
        }
        sb.append(p);
      }
    }
    return sb.toString();
  }

  /** Drops a paragraph that only repeats the headline, as sites without an h1 often do. */
  private static String withoutTitle(String text, String title) {
    if (title == null || text.isEmpty()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (String block : text.split("\n\n")) {
      if (block.equalsIgnoreCase(title)) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append("\n\n");
      }
      sb.append(block);
    }
    return sb.toString();
  }
}
