package org.watchfloor.pages.extract;

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
    Document doc = Jsoup.parse(html, url == null ? "" : url);
    PageMetadata meta = PageMetadata.read(doc);
    String text = ContentExtractor.extract(doc);
    return new Extraction(meta.title, text, meta.authors, meta.published, meta.modified, meta.canonicalUrl,
        meta.language, meta.leadImage, meta.siteName, meta.description);
  }
}
