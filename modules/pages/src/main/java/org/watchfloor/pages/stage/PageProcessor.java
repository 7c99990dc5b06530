package org.watchfloor.pages.stage;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.FeedEntry;
import org.watchfloor.model.RawArticle;
import org.watchfloor.pages.extract.ArticleExtractor;
import org.watchfloor.pages.extract.Extraction;
import org.watchfloor.pages.fetch.FetchedPage;
import org.watchfloor.pages.fetch.PageUnavailableException;
import org.watchfloor.pages.fetch.PoliteFetcher;
import org.watchfloor.pages.url.ArticleIds;
import org.watchfloor.pages.url.UrlNormalizer;

/**
 * Turns a feed entry into a raw article: fetches and extracts its page, or, when the page cannot be had or holds no
 * article text, uses the feed's summary and says so in {@code content_source}. Thread-safe.
 */
public final class PageProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(PageProcessor.class);

  private final PoliteFetcher fetcher;
  private final ArticleExtractor extractor;
  private final Clock clock;
  private final int maxTextChars;

  /** Longest article text kept by default: far beyond any news story, well inside a Kafka message. */
  public static final int MAX_TEXT_CHARS = 100_000;

  public PageProcessor(PoliteFetcher fetcher, ArticleExtractor extractor, Clock clock) {
    this(fetcher, extractor, clock, MAX_TEXT_CHARS);
  }

  public PageProcessor(PoliteFetcher fetcher, ArticleExtractor extractor, Clock clock, int maxTextChars) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxTextChars < 1000) {
      throw new IllegalArgumentException("maxTextChars must be at least 1000");
    }
    this.maxTextChars = maxTextChars;
  }

  private volatile io.micrometer.core.instrument.MeterRegistry metrics;

  /** Counts pages that could not be had in {@code registry}, by reason ({@code watchfloor.fetch.errors}). */
  public PageProcessor countingFetchErrorsIn(io.micrometer.core.instrument.MeterRegistry registry) {
    this.metrics = registry;
    return this;
  }

  private void countFetchError(PageUnavailableException e) {
    io.micrometer.core.instrument.MeterRegistry m = metrics;
    if (m == null) {
      return;
    }
    String reason = e.reason().name().toLowerCase(java.util.Locale.ROOT);
    if (e.getCause() instanceof org.watchfloor.http.FetchException f) {
      reason = f.reason().name().toLowerCase(java.util.Locale.ROOT);
    }
    m.counter(org.watchfloor.runtime.Metrics.FETCH_ERRORS, "stage", "pages", "reason", reason).increment();
  }

  /**
   * Builds the raw article for an entry.
   *
   * @throws BadEntryException when the entry has no usable link
   * @throws InterruptedException when the stage is shutting down
   */
  public RawArticle process(FeedEntry entry) throws InterruptedException {
    String link = entry.link();
    if (link == null || link.isBlank()) {
      throw new BadEntryException(link, "entry has no link", null);
    }
    String id;
    String normalized;
    try {
      id = ArticleIds.of(link);
      normalized = UrlNormalizer.normalize(link);
    } catch (IllegalArgumentException e) {
      throw new BadEntryException(link, e.getMessage(), e);
    }
    try {
      FetchedPage page = fetcher.fetch(link.trim(), entry.allowPrivate());
      Extraction x = extractor.extract(page.body(), page.charset(), page.finalUrl());
      if (x.text().isBlank()) {
        LOG.warn("Page {} of article {} holds no article text; using the feed summary", link, id);
        return fromSummary(entry, id, normalized, x);
      }
      LOG.debug("Extracted article {} from {} ({} chars)", id, link, x.text().length());
      return fromPage(entry, id, normalized, x);
    } catch (PageUnavailableException e) {
      countFetchError(e);
      LOG.warn("Page {} of article {} unavailable, using the feed summary: {}", link, id, e.getMessage());
      return fromSummary(entry, id, normalized, null);
    } catch (RuntimeException e) {
      LOG.warn("Page {} of article {} could not be extracted, using the feed summary", link, id, e);
      return fromSummary(entry, id, normalized, null);
    }
  }

  private RawArticle fromPage(FeedEntry entry, String id, String url, Extraction x) {
    return new RawArticle(RawArticle.VERSION, id, url, canonical(x.canonicalUrl(), url), entry.source(),
        entry.region(), entry.tags(), firstNonBlank(x.title(), entry.title()), cap(x.text()), x.authors(),
        x.publishedOr(entry.published()), x.modified(), Instant.now(clock),
        firstNonBlank(x.language(), entry.languageHint()), x.leadImage(), x.siteName(), RawArticle.FROM_PAGE);
  }

  /** The feed's summary standing in for the page; metadata found on a page without article text is still kept. */
  private RawArticle fromSummary(FeedEntry entry, String id, String url, Extraction x) {
    String text = cap(summaryText(entry.summary()));
    return new RawArticle(RawArticle.VERSION, id, url, x == null ? url : canonical(x.canonicalUrl(), url),
        entry.source(), entry.region(), entry.tags(), firstNonBlank(entry.title(), x == null ? null : x.title()),
        text, x == null ? null : x.authors(), x == null ? entry.published() : x.publishedOr(entry.published()),
        x == null ? null : x.modified(), Instant.now(clock),
        firstNonBlank(entry.languageHint(), x == null ? null : x.language()), x == null ? null : x.leadImage(),
        x == null ? null : x.siteName(), RawArticle.FROM_FEED_SUMMARY);
  }

  /** Feed summaries often carry HTML; keep their paragraphs as plain text. */
  static String summaryText(String summary) {
    if (summary == null || summary.isBlank()) {
      return "";
    }
    if (summary.indexOf('<') < 0) {
      return summary.strip();
    }
    Document doc = Jsoup.parseBodyFragment(summary);
    StringBuilder sb = new StringBuilder();
    var blocks = doc.body().select("p, li, blockquote, h2, h3, h4");
    if (blocks.isEmpty()) {
      return doc.body().text();
    }
    for (var b : blocks) {
      String t = b.text();
      if (!t.isBlank() && b.children().select("p, li").isEmpty()) {
        if (sb.length() > 0) {
          sb.append("\n\n");
        }
        sb.append(t);
      }
    }
    return sb.length() == 0 ? doc.body().text() : sb.toString();
  }

  /** Cuts an oversized text at a paragraph boundary so the article always fits in one Kafka message. */
  String cap(String text) {
    if (text.length() <= maxTextChars) {
      return text;
    }
    int cut = text.lastIndexOf("\n\n", maxTextChars);
    return text.substring(0, cut > maxTextChars / 2 ? cut : maxTextChars);
  }

  private static String canonical(String canonical, String fallback) {
    if (canonical == null) {
      return fallback;
    }
    try {
      return UrlNormalizer.normalize(canonical);
    } catch (IllegalArgumentException e) {
      LOG.debug("Ignoring bad canonical URL {} for {}", canonical, fallback);
      return fallback;
    }
  }

  private static String firstNonBlank(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
