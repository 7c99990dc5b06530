package org.watchfloor.feeds.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON Feed 1.0 and 1.1, in feeds written for these tests. */
class JsonFeedParserTest {
  private final FeedParser parser = new FeedParser();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final String V11 = """
      {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Harbour Desk",
        "home_page_url": "https://harbour.example.org/",
        "feed_url": "https://harbour.example.org/feed.json",
        "language": "en-GB",
        "authors": [{"name": "Desk Editors"}],
        "items": [
          {
            "id": "harbour-2026-11-30-drill",
            "url": "https://harbour.example.org/2026/11/drill",
            "title": "Navy <em>drill</em> off the coast",
            "content_html": "<p>The navy held a <b>drill</b> near the port.</p><script>alert(1)</script>",
            "date_published": "2026-11-30T08:15:00+01:00",
            "authors": [{"name": "A. Writer"}, {"name": "B. Writer"}],
            "language": "fr"
          },
          {
            "id": "harbour-2026-11-29-talks",
            "url": "/2026/11/talks",
            "summary": "Talks resumed in the capital.",
            "content_text": "The longer text of the story.",
            "date_modified": "2026-11-29T10:00:00Z"
          },
          {
            "url": "https://harbour.example.org/2026/11/no-id",
            "title": "An item without an id"
          },
          {"content_text": "nothing to link or name"},
          "not an item"
        ]
      }
      """;

  @Test
  void readsJsonFeed11ItemsAuthorsLanguageAndDates() throws Exception {
    ParsedFeed feed = parser.parse(utf8(V11), "application/feed+json", "https://harbour.example.org/feed.json");
    assertThat(feed.format()).isEqualTo("json_1.1");
    assertThat(feed.title()).isEqualTo("Harbour Desk");
    assertThat(feed.entries()).extracting(ParsedEntry::id).containsExactly(
        "harbour-2026-11-30-drill", "harbour-2026-11-29-talks", "https://harbour.example.org/2026/11/no-id");
    ParsedEntry first = feed.entries().get(0);
    assertThat(first.link()).isEqualTo("https://harbour.example.org/2026/11/drill");
    assertThat(first.title()).isEqualTo("Navy drill off the coast");
    assertThat(first.summary()).startsWith("The navy held a drill near the port.").doesNotContain("<");
    assertThat(first.published()).isEqualTo(Instant.parse("2026-11-30T07:15:00Z"));
    assertThat(first.author()).isEqualTo("A. Writer, B. Writer");
    assertThat(first.language()).isEqualTo("fr");
    ParsedEntry second = feed.entries().get(1);
    assertThat(second.link()).isEqualTo("https://harbour.example.org/2026/11/talks");
    assertThat(second.summary()).isEqualTo("Talks resumed in the capital.");
    assertThat(second.published()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
    assertThat(second.author()).isEqualTo("Desk Editors");
    assertThat(second.language()).isEqualTo("en-GB");
  }

  @Test
  void readsJsonFeed10WithNumericIdsAndASingleAuthor() throws Exception {
    String v10 = """
        {"version": "https://jsonfeed.org/version/1", "title": "Ridge Wire",
         "author": {"name": "Ridge Staff"},
         "items": [{"id": 42, "url": "https://ridge.example.org/42", "title": "Border post reopened",
                    "content_text": "The border post reopened on Tuesday.",
                    "date_published": "2026-11-28T06:00:00Z"}]}
        """;
    ParsedFeed feed = parser.parse(utf8(v10), "application/json", "https://ridge.example.org/feed.json");
    assertThat(feed.format()).isEqualTo("json_1.0");
    ParsedEntry e = feed.entries().get(0);
    assertThat(e.id()).isEqualTo("42");
    assertThat(e.summary()).isEqualTo("The border post reopened on Tuesday.");
    assertThat(e.author()).isEqualTo("Ridge Staff");
    assertThat(e.published()).isEqualTo(Instant.parse("2026-11-28T06:00:00Z"));
  }

  @Test
  void isRecognisedByItsBodyWhateverTheContentType() throws Exception {
    String v = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"a\",\"url\":\"https://x.example/a\"}]}";
    assertThat(parser.parse(utf8(v), null, "feed.json").format()).isEqualTo("json_1.1");
    assertThat(parser.parse(utf8("  \n" + v), "text/plain", "u").entries()).hasSize(1);
  }

  @Test
  void keepsAnUnreadableDateOutInsteadOfFailingTheFeed() throws Exception {
    String v = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"a\","
        + "\"url\":\"https://x.example/a\",\"date_published\":\"last Tuesday\"}]}";
    assertThat(parser.parse(utf8(v), null, "u").entries().get(0).published()).isNull();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [ }|MALFORMED_JSON|not well-formed JSON at line 1",
      "{\"title\": \"x\", \"items\": []}|NOT_A_FEED|it has no \"version\"",
      "{\"version\": \"https://jsonfeed.org/version/2\", \"items\": []}|NOT_A_FEED|is not one this reader knows",
      "{\"version\": \"https://jsonfeed.org/version/1.1\"}|NOT_A_FEED|needs an \"items\" array; this one has none",
      "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": {}}|NOT_A_FEED|here it is not a list",
      "[1, 2, 3]|NOT_A_FEED|not an object with \"version\" and \"items\"",
      "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": []} trailing|MALFORMED_JSON|not well-formed JSON"})
  void rejectsBadJsonFeedsInPlainWords(String body, FeedParseException.Reason reason, String says) {
    assertThatThrownBy(() -> parser.parse(utf8(body), "application/feed+json", "https://x.example/feed.json"))
        .isInstanceOfSatisfying(FeedParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.getMessage()).contains(says).contains("https://x.example/feed.json");
          PlainErrors.assertPlain(e.getMessage());
        });
  }

  @Test
  void refusesDeeplyNestedJson() {
    String deep = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[" + "[".repeat(5000)
        + "]".repeat(5000) + "]}";
    assertThatThrownBy(() -> parser.parse(utf8(deep), "application/feed+json", "u"))
        .isInstanceOfSatisfying(FeedParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(FeedParseException.Reason.MALFORMED_JSON);
          PlainErrors.assertPlain(e.getMessage());
        });
  }
}
