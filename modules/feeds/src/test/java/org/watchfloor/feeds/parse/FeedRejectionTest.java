package org.watchfloor.feeds.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rejection says in words what is wrong with the document, never what a Java exception said. */
class FeedRejectionTest {
  private final FeedParser parser = new FeedParser();

  @Test
  void rssWithoutChannelSaysTheChannelIsMissing() {
    byte[] body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><item><title>x</title></item></rss>"
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.parse(body, "application/rss+xml", "https://x.example/rss"))
        .isInstanceOfSatisfying(FeedParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(FeedParseException.Reason.NOT_A_FEED);
          assertThat(e.getMessage()).contains("needs a <channel> element").contains("https://x.example/rss");
          PlainErrors.assertPlain(e.getMessage());
        });
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "<rss version=\"2.0\"/>|NOT_A_FEED|needs a <channel> element",
      "<rss version=\"0.91\"><title>t</title></rss>|NOT_A_FEED|needs a <channel> element",
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"/>|NOT_A_FEED|<channel>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\"/>|NOT_A_FEED|the root element is <svg>",
      "<!-- a comment --><opml version=\"2.0\"><outline/></opml>|NOT_A_FEED|the root element is <opml>",
      "<rss version=\"2.0\"><channel><title>x</channel></rss>|MALFORMED_XML|not well-formed XML at line 1",
      "<rss version=\"2.0\"><channel>|MALFORMED_XML|not well-formed XML",
      "just some words|NOT_A_FEED|neither XML nor JSON",
      "<?xml version=\"1.0\" encoding=\"klingon-8\"?><rss/>|BAD_ENCODING|unknown encoding 'klingon-8'",
      "<html><body>hello</body></html>|HTML_NOT_FEED|an HTML page was served"})
  void rejectsInPlainWords(String body, FeedParseException.Reason reason, String says) {
    assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8), null, "feed.xml"))
        .isInstanceOfSatisfying(FeedParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.getMessage()).contains(says);
          PlainErrors.assertPlain(e.getMessage());
        });
  }

  @Test
  void badBytesSayWhichEncodingAndWhereItCameFrom() {
    byte[] latin1 = "<rss version=\"2.0\"><channel><title>Café</title></channel></rss>"
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> parser.parse(latin1, "application/rss+xml; charset=utf-8", "u"))
        .isInstanceOfSatisfying(FeedParseException.class, e -> {
          assertThat(e.reason()).isEqualTo(FeedParseException.Reason.BAD_ENCODING);
          assertThat(e.getMessage()).contains("UTF-8").contains("HTTP Content-Type");
          PlainErrors.assertPlain(e.getMessage());
        });
  }
}
