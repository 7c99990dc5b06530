package org.watchfloor.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SampleSourceTest {
  private static SampleSource site;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startSite() {
    site = SampleSource.start();
  }

  @AfterAll
  static void stopSite() {
    site.close();
  }

  @Test
  void hasAtLeastThirtySixArticlesAcrossRegionsAndTensionLevels() {
    List<SampleArticle> articles = site.articles();
    assertThat(articles).hasSizeGreaterThanOrEqualTo(36);
    assertThat(articles).extracting(SampleArticle::slug).doesNotHaveDuplicates();
    assertThat(articles).allSatisfy(a -> {
      assertThat(a.paragraphs()).hasSizeBetween(4, 8);
      assertThat(a.actors()).isNotEmpty().allMatch(code -> code.matches("[A-Z]{3}"));
      assertThat(a.topics()).isNotEmpty();
      assertThat(a.published()).isBefore(Instant.now().plusSeconds(1)).isAfter(Instant.now().minus(8, ChronoUnit.DAYS));
    });
    assertThat(articles.stream().map(SampleArticle::region).collect(Collectors.toSet())).containsExactlyInAnyOrder(
        "korean-peninsula", "taiwan-strait", "ukraine-russia", "middle-east", "sahel-africa", "latin-america",
        "south-asia", "europe");
    assertThat(articles.stream().map(SampleArticle::tension).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(org.watchfloor.model.TensionLevel.class));
    assertThat(articles).isSortedAccordingTo((a, b) -> b.published().compareTo(a.published()));
  }

  @ParameterizedTest
  @EnumSource(SampleFeed.class)
  void servesWellFormedFeedThatRomeParsesWithEveryItem(SampleFeed feed) throws Exception {
    HttpResponse<byte[]> response = get(site.feedUrl(feed));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.startsWith(feed.contentType()));

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));

    SyndFeed parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));
    List<SampleArticle> expected = site.articles(feed);
    assertThat(parsed.getEntries()).hasSize(expected.size());
    for (SyndEntry entry : parsed.getEntries()) {
      assertThat(entry.getLink()).startsWith(site.baseUrl() + "/articles/");
      assertThat(entry.getPublishedDate()).isNotNull();
      assertThat(entry.getUri()).isNotBlank();
      assertThat(entry.getTitle()).isNotBlank();
    }
    assertThat(parsed.getEntries()).extracting(SyndEntry::getLink)
        .containsExactlyElementsOf(expected.stream().map(site::articleUrl).collect(Collectors.toList()));
  }

  @Test
  void listsEveryArticleInExactlyOneFeed() throws Exception {
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (SampleFeed feed : SampleFeed.values()) {
      SyndFeed parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(get(site.feedUrl(feed)).body())));
      for (SyndEntry entry : parsed.getEntries()) {
        seen.add(entry.getLink());
        total++;
      }
    }
    assertThat(total).isEqualTo(site.articles().size());
    assertThat(seen).containsExactlyInAnyOrderElementsOf(
        site.articles().stream().map(site::articleUrl).collect(Collectors.toList()));
  }

  @ParameterizedTest
  @EnumSource(SampleFeed.class)
  void answersConditionalFeedRequestsWithNotModified(SampleFeed feed) throws Exception {
    HttpResponse<byte[]> first = get(site.feedUrl(feed));
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

    assertThat(get(site.feedUrl(feed), "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(get(site.feedUrl(feed), "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
    assertThat(get(site.feedUrl(feed), "If-None-Match", "\"stale\"").statusCode()).isEqualTo(200);
    assertThat(get(site.feedUrl(feed), "If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT").statusCode())
        .isEqualTo(200);
  }

  @Test
  void servesRealisticArticlePagesRobotsAndNotFound() throws Exception {
    for (SampleArticle article : site.articles()) {
      HttpResponse<byte[]> response = get(site.articleUrl(article));
      assertThat(response.statusCode()).isEqualTo(200);
      Document page = Jsoup.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8),
          site.articleUrl(article));
      assertThat(page.select("article h1").text()).isEqualTo(article.title());
      assertThat(page.select("article .story-body > p")).hasSize(article.paragraphs().size());
      assertThat(page.select("time[datetime]").attr("datetime")).isEqualTo(article.published().toString());
      assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo(article.title());
      assertThat(page.select("script[type=application/ld+json]").html())
          .contains("\"@type\":\"NewsArticle\"", "\"datePublished\":\"" + article.published() + "\"");
      assertThat(page.select("#cookie-banner, nav, footer.site-footer, aside.sidebar, section.related")).hasSize(5);
    }
    HttpResponse<byte[]> robots = get(site.baseUrl() + "/robots.txt");
    assertThat(robots.statusCode()).isEqualTo(200);
    assertThat(new String(robots.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("User-agent: *", "Allow: /");
    assertThat(get(site.baseUrl() + "/articles/no-such-story.html").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<byte[]> get(String url, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
