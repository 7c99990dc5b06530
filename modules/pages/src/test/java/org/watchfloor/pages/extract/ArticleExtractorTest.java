package org.watchfloor.pages.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleExtractorTest {
  private final ArticleExtractor extractor = new ArticleExtractor();

  @Test
  void readsJsonLdFromAGraphAndKeepsOnlyTheStory() {
    Extraction x = extractor.extract(fixture("jsonld-graph.html"), "https://www.koreamonitor.example/news/drones");

    assertThat(x.title()).isEqualTo("Seoul scrambles jets as drones cross border");
    assertThat(x.authors()).containsExactly("Kim Min-ji", "David Lee");
    assertThat(x.published()).isEqualTo(Instant.parse("2026-03-03T23:15:00Z"));
    assertThat(x.modified()).isEqualTo(Instant.parse("2026-03-04T01:02:00Z"));
    assertThat(x.canonicalUrl()).isEqualTo("https://www.koreamonitor.example/news/drones-border?utm_source=rss");
    assertThat(x.language()).isEqualTo("en");
    assertThat(x.leadImage()).isEqualTo("https://img.koreamonitor.example/drones.jpg");
    assertThat(x.siteName()).isEqualTo("The Korea Monitor");
    assertThat(x.text().split("\n\n")).hasSize(4);
    assertThat(x.text())
        .startsWith("South Korea scrambled fighter jets")
        .endsWith("respond to future incursions.")
        .doesNotContain("cookies", "Advertisement", "Facebook", "Related", "balloons", "Unbelievable", "All rights",
            "By Kim Min-ji");
  }

  @Test
  void readsOpenGraphAndMetaTagsWhenThereIsNoJsonLd() {
    Extraction x = extractor.extract(fixture("opengraph.html"), "https://eastasiareview.example/ko/news/123?ref=x");

    assertThat(x.title()).isEqualTo("북한, 동해상으로 탄도미사일 발사");
    assertThat(x.siteName()).isEqualTo("동아시아 리뷰");
    assertThat(x.language()).isEqualTo("ko");
    assertThat(x.authors()).containsExactly("Park Soo-yeon", "Hiroshi Tanaka");
    assertThat(x.published()).isEqualTo(Instant.parse("2026-05-14T07:30:00Z"));
    assertThat(x.modified()).isEqualTo(Instant.parse("2026-05-14T09:00:00Z"));
    assertThat(x.leadImage()).isEqualTo("https://eastasiareview.example/images/launch.jpg");
    assertThat(x.canonicalUrl()).isEqualTo("https://eastasiareview.example/ko/news/123");
    assertThat(x.text()).startsWith("북한이 14일 오전").contains("침략 전쟁 연습").doesNotContain("구독", "홈");
  }

  @Test
  void fallsBackToTimeElementAndDocumentTitle() {
    Extraction x = extractor.extract(fixture("time-only.html"), "https://pacificwire.example/un-panel");

    assertThat(x.title()).isEqualTo("UN panel mandate ends as Russia blocks renewal");
    assertThat(x.published()).isEqualTo(Instant.parse("2026-04-30T19:00:00Z"));
    assertThat(x.text()).startsWith("The mandate of the UN panel").endsWith("on condition of anonymity.")
        .doesNotContain("April 30", "Top stories", "Most popular", "Storm hits coast");
  }

  @Test
  void usesTheFeedDateWhenThePageStatesNone() {
    Extraction x = extractor.extract(fixture("no-metadata.html"), "https://example.org/a");
    Instant feedDate = Instant.parse("2026-01-02T03:04:05Z");

    assertThat(x.published()).isNull();
    assertThat(x.publishedOr(feedDate)).isEqualTo(feedDate);
    assertThat(x.title()).isNull();
    assertThat(x.text()).contains("exclusive economic zone").contains("\n\nThe government lodged a protest");
  }

  @Test
  void decodesBytesWithTheCharsetTheMarkupDeclares() {
    String html = "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 talks</title></head><body><article>"
        + "<p>Diplomats met at a caf\u00e9 in Gen\u00e8ve on Monday \u2014 the first such meeting since the talks collapsed.</p>"
        + "</article></body></html>";
    byte[] bytes = html.getBytes(Charset.forName("windows-1252"));

    Extraction x = extractor.extract(bytes, null, "https://example.org/c");

    assertThat(x.title()).isEqualTo("Caf\u00e9 talks");
    assertThat(x.text()).contains("caf\u00e9 in Gen\u00e8ve on Monday \u2014 the first");
  }

  @Test
  void neverFailsOnEmptyOrBrokenMarkup() {
    assertThat(extractor.extract("", "https://example.org/").text()).isEmpty();
    assertThat(extractor.extract("<html><body><div><p>unclosed <b>bold <i>mess</div>", "").text())
        .contains("unclosed bold mess");
    assertThat(extractor.extract(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 60, 62}, null, "https://x.example/")
        .text()).isNotNull();
    Extraction broken = extractor.extract("<script type=\"application/ld+json\">{not json</script><p>"
        + "A paragraph long enough to count as the article text of this page, with a comma.</p>", "");
    assertThat(broken.text()).startsWith("A paragraph long enough");
  }

  @Test
  void keepsLiveBlogEntriesAndDropsTheirTimestamps() {
    String html = "<html><body><nav><a href='/'>Home</a></nav><div class='live-feed'>"
        + entry("10:05", "Seoul convenes security meeting", "The national security council met in emergency session after the launch, the presidential office said.")
        + entry("09:40", "Japan confirms splashdown", "The missile fell outside Japan's exclusive economic zone, the defence ministry said, and no damage was reported.")
        + entry("09:12", "Missile launched", "North Korea fired a ballistic missile towards the East Sea, South Korea's military said, without giving details.")
        + "</div><aside><p>Sign up for alerts on breaking news from the Korean peninsula and the wider region.</p></aside></body></html>";

    Extraction x = extractor.extract(html, "https://example.org/live");

    assertThat(x.text()).contains("Seoul convenes security meeting", "Japan confirms splashdown", "Missile launched",
        "emergency session", "no damage was reported", "without giving details")
        .doesNotContain("10:05", "09:40", "Sign up for alerts", "Home");
  }

  @Test
  void fallsBackToJsonLdArticleBodyWhenThePageShowsAlmostNothing() {
    String html = "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
        + "\"headline\":\"Talks resume\",\"articleBody\":\"Negotiators met in Geneva on Monday.\\n"
        + "They agreed to meet again next week, officials said.\"}</script></head>"
        + "<body><div id='app'>Loading...</div></body></html>";

    Extraction x = extractor.extract(html, "https://example.org/t");

    assertThat(x.text()).isEqualTo("Negotiators met in Geneva on Monday.\n\nThey agreed to meet again next week, "
        + "officials said.");
  }

  @Test
  void prefersThePageTextOverJsonLdArticleBody() {
    Extraction x = extractor.extract(fixture("jsonld-graph.html").replace("\"inLanguage\":\"en\"",
        "\"inLanguage\":\"en\",\"articleBody\":\"A different summary body.\""), "https://example.org/d");

    assertThat(x.text()).startsWith("South Korea scrambled fighter jets").doesNotContain("different summary");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Headline of the day | The Site | Headline of the day | The Site",
      "The Site - Headline of the day | The Site | Headline of the day",
      "Headline of the day — The Site | | Headline of the day",
      "Plain headline | | Plain headline",
  })
  void cleansTheDocumentTitle(String title, String site, String expected) {
    assertThat(PageMetadata.cleanDocumentTitle(title, site)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-03-04T08:15:00+09:00 | 2026-03-03T23:15:00Z",
      "2026-03-04T08:15:00+0900 | 2026-03-03T23:15:00Z",
      "2026-03-04T08:15:00Z | 2026-03-04T08:15:00Z",
      "2026-03-04 08:15:00 | 2026-03-04T08:15:00Z",
      "2026-03-04 | 2026-03-04T00:00:00Z",
      "Wed, 04 Mar 2026 08:15:00 GMT | 2026-03-04T08:15:00Z",
      "March 4, 2026 | 2026-03-04T00:00:00Z",
      "1772612100 | 2026-03-04T08:15:00Z",
  })
  void parsesTheDateFormatsPagesUse(String text, String expected) {
    assertThat(DateParser.parse(text)).isEqualTo(Instant.parse(expected));
  }

  private static String entry(String time, String title, String text) {
    return "<div class='live-entry'><div class='entry-meta'><time datetime='2026-05-14T" + time + ":00Z'>" + time
        + "</time></div><h3>" + title + "</h3><p>" + text + "</p><div class='share'><a href='#'>Share</a></div></div>";
  }

  static String fixture(String name) {
    try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
