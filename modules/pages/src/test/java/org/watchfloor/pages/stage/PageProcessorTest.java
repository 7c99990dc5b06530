package org.watchfloor.pages.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.FeedEntry;
import org.watchfloor.model.RawArticle;
import org.watchfloor.pages.extract.ArticleExtractor;
import org.watchfloor.pages.fetch.FetchPolicy;
import org.watchfloor.pages.fetch.LoopbackServer;
import org.watchfloor.pages.fetch.LoopbackServer.Response;
import org.watchfloor.pages.fetch.PoliteFetcher;
import org.watchfloor.pages.url.ArticleIds;

class PageProcessorTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final Instant FEED_DATE = Instant.parse("2026-06-01T08:00:00Z");
  private static final String ARTICLE = "<html lang='en'><head><title>Drills begin - Wire</title>"
      + "<meta property='article:published_time' content='2026-06-01T07:45:00Z'></head><body>"
      + "<nav><a href='/'>Home</a></nav><article><h1>Drills begin</h1>"
      + "<p>The allies began three days of naval drills south of Jeju Island on Wednesday, the navy said.</p>"
      + "<p>North Korea's state media warned of countermeasures, calling the drills a rehearsal for invasion.</p>"
      + "</article></body></html>";

  private final LoopbackServer server = LoopbackServer.start();
  private final PageProcessor processor = new PageProcessor(
      new PoliteFetcher(FetchPolicy.DEFAULTS.withHostDelay(Duration.ZERO).withRetries(2, Duration.ofMillis(10))),
      new ArticleExtractor(), Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void extractsTheFetchedPage() throws Exception {
    server.page("/news/drills", ARTICLE);
    String link = server.url("/news/drills?utm_source=rss");
    server.page("/news/drills?utm_source=rss", ARTICLE);

    RawArticle a = processor.process(entry(link, "Feed summary."));

    assertThat(a.contentSource()).isEqualTo(RawArticle.FROM_PAGE);
    assertThat(a.id()).isEqualTo(ArticleIds.of(server.url("/news/drills")));
    assertThat(a.url()).isEqualTo(server.url("/news/drills"));
    assertThat(a.title()).isEqualTo("Drills begin");
    assertThat(a.text()).startsWith("The allies began").contains("\n\nNorth Korea's state media").doesNotContain("Home");
    assertThat(a.published()).isEqualTo(Instant.parse("2026-06-01T07:45:00Z"));
    assertThat(a.fetchedAt()).isEqualTo(NOW);
    assertThat(a.languageHint()).isEqualTo("en");
    assertThat(a.source()).isEqualTo("wire");
    assertThat(a.tags()).containsExactly("defence");
  }

  @Test
  void usesTheFeedSummaryWhenThePageIsGone() throws Exception {
    server.route("/news/gone", n -> Response.status(404));

    RawArticle a = processor.process(entry(server.url("/news/gone"),
        "<p>Allied navies start drills.</p><p>Pyongyang warns of <b>countermeasures</b>.</p>"));

    assertThat(a.contentSource()).isEqualTo(RawArticle.FROM_FEED_SUMMARY);
    assertThat(a.text()).isEqualTo("Allied navies start drills.\n\nPyongyang warns of countermeasures.");
    assertThat(a.title()).isEqualTo("Feed title");
    assertThat(a.published()).isEqualTo(FEED_DATE);
    assertThat(a.id()).isEqualTo(ArticleIds.of(server.url("/news/gone")));
    assertThat(server.hits("/news/gone")).isEqualTo(1);
  }

  @Test
  void usesTheFeedSummaryWhenRobotsTxtDisallowsThePage() throws Exception {
    server.route("/robots.txt", n -> new Response(200, "text/plain", "User-agent: *\nDisallow: /news/\n"))
        .page("/news/drills", ARTICLE);

    RawArticle a = processor.process(entry(server.url("/news/drills"), "Allied navies start drills."));

    assertThat(a.contentSource()).isEqualTo(RawArticle.FROM_FEED_SUMMARY);
    assertThat(a.text()).isEqualTo("Allied navies start drills.");
    assertThat(server.hits("/news/drills")).isZero();
  }

  @Test
  void usesTheFeedSummaryWhenTheServerKeepsFailing() throws Exception {
    server.route("/news/down", n -> Response.status(502));

    RawArticle a = processor.process(entry(server.url("/news/down"), "Summary."));

    assertThat(a.contentSource()).isEqualTo(RawArticle.FROM_FEED_SUMMARY);
    assertThat(server.hits("/news/down")).isEqualTo(2);
  }

  @Test
  void countsPagesThatCouldNotBeHadByReason() throws Exception {
    server.route("/robots.txt", n -> new Response(200, "text/plain", "User-agent: *\nDisallow: /private/\n"))
        .route("/news/down", n -> Response.status(502));
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    processor.countingFetchErrorsIn(registry);

    processor.process(entry(server.url("/news/down"), "Summary."));
    processor.process(entry(server.url("/private/a"), "Summary."));
    processor.process(entry(server.url("/private/b"), "Summary."));

    assertThat(registry.get(org.watchfloor.runtime.Metrics.FETCH_ERRORS).tag("reason", "http_status").counter()
        .count()).isEqualTo(1);
    assertThat(registry.get(org.watchfloor.runtime.Metrics.FETCH_ERRORS).tag("reason", "disallowed").counter()
        .count()).isEqualTo(2);
  }

  @Test
  void usesTheFeedSummaryWhenThePageHasNoArticleText() throws Exception {
    server.page("/video", "<html><head><title>Watch: drills</title></head><body><nav><a href='/'>Home</a></nav>"
        + "</body></html>");

    RawArticle a = processor.process(entry(server.url("/video"), "Video of the drills."));

    assertThat(a.contentSource()).isEqualTo(RawArticle.FROM_FEED_SUMMARY);
    assertThat(a.text()).isEqualTo("Video of the drills.");
  }

  @Test
  void rejectsEntriesWithoutAUsableLink() {
    assertThatThrownBy(() -> processor.process(entry(null, "s"))).isInstanceOf(BadEntryException.class);
    assertThatThrownBy(() -> processor.process(entry("javascript:alert(1)", "s")))
        .isInstanceOf(BadEntryException.class);
    assertThatThrownBy(() -> processor.process(entry("not a url", "s"))).isInstanceOf(BadEntryException.class);
  }

  @Test
  void cutsOversizedTextAtAParagraphBoundary() throws Exception {
    StringBuilder html = new StringBuilder("<html><body><article>");
    for (int i = 0; i < 400; i++) {
      html.append("<p>Paragraph ").append(i).append(" of a very long page, with enough words to count as text.</p>");
    }
    server.page("/long", html.append("</article></body></html>").toString());
    PageProcessor small = new PageProcessor(new PoliteFetcher(FetchPolicy.DEFAULTS.withHostDelay(Duration.ZERO)),
        new ArticleExtractor(), Clock.fixed(NOW, ZoneOffset.UTC), 5000);

    RawArticle a = small.process(entry(server.url("/long"), "s"));

    assertThat(a.contentSource()).isEqualTo(RawArticle.FROM_PAGE);
    assertThat(a.text().length()).isBetween(2500, 5000);
    assertThat(a.text()).startsWith("Paragraph 0 ").endsWith("count as text.");
  }

  private static FeedEntry entry(String link, String summary) {
    return new FeedEntry(FeedEntry.VERSION, "wire", "http://127.0.0.1/feed", link, "id-1", "Feed title", summary,
        FEED_DATE, NOW, "en", "east-asia", List.of("defence"), true);
  }
}
