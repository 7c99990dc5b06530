package org.watchfloor.feeds.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedParserTest {
  private final FeedParser parser = new FeedParser();

  static byte[] resource(String name) throws IOException {
    try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @CsvSource({
      "rss20.xml, rss_2.0, 2, nk-missile-1",
      "rss091.xml, rss_0.91U, 1, https://wire.example.org/un-veto",
      "rss092.xml, rss_0.92, 2, https://wire.example.org/kursk",
      "rss10.rdf, rss_1.0, 1, https://rdf.example.org/a",
      "atom10.xml, atom_1.0, 1, 'tag:atom.example.org,2026:jets'",
      "atom03.xml, atom_0.3, 1, 'tag:atom03.example.org,2026:e1'"})
  void parsesEveryFeedFormat(String file, String format, int entries, String firstId) throws Exception {
    ParsedFeed feed = parser.parse(resource(file), "application/xml", "https://feeds.example.org/" + file);
    assertThat(feed.format()).isEqualTo(format);
    assertThat(feed.entries()).hasSize(entries);
    assertThat(feed.entries().get(0).id()).isEqualTo(firstId);
    assertThat(feed.entries().get(0).title()).isNotBlank();
  }

  @Test
  void extractsFieldsResolvesRelativeLinksAndStripsMarkup() throws Exception {
    ParsedFeed feed = parser.parse(resource("rss20.xml"), null, "https://news.example.org/rss.xml");
    ParsedEntry first = feed.entries().get(0);
    assertThat(first.link()).isEqualTo("https://news.example.org/2026/11/missile");
    assertThat(first.summary()).isEqualTo("Seoul's Joint Chiefs said the launch came early on Monday.");
    assertThat(first.published()).isEqualTo(Instant.parse("2026-11-23T01:30:00Z"));
    ParsedEntry second = feed.entries().get(1);
    assertThat(second.link()).isEqualTo("https://news.example.org/2026/11/drills");
    assertThat(second.id()).isEqualTo(second.link());
    assertThat(second.title()).endsWith("Ünïcödé");
    assertThat(second.published()).isEqualTo(Instant.parse("2026-11-22T01:00:00Z"));
  }

  @Test
  void decodesDeclaredLatin1() throws Exception {
    ParsedFeed feed = parser.parse(resource("rss091.xml"), null, "f");
    assertThat(feed.entries().get(0).summary()).isEqualTo("Café diplomacy failed.");
  }

  @Test
  void usesHttpCharsetWhenNothingIsDeclared() throws Exception {
    byte[] latin1 = rss("Café").getBytes(StandardCharsets.ISO_8859_1);
    ParsedFeed feed = parser.parse(latin1, "text/xml; charset=iso-8859-1", "u");
    assertThat(feed.entries().get(0).title()).isEqualTo("Café");
  }

  @Test
  void honoursUtf16ByteOrderMark() throws Exception {
    byte[] utf16 = ("\uFEFF" + rss("Ünïcödé")).getBytes(StandardCharsets.UTF_16BE);
    assertThat(parser.parse(utf16, null, "u").entries().get(0).title()).isEqualTo("Ünïcödé");
  }

  @Test
  void refusesBytesThatDoNotMatchTheMissingDeclaration() {
    byte[] latin1 = rss("Café").getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> parser.parse(latin1, null, "u"))
        .isInstanceOfSatisfying(FeedParseException.class,
            e -> assertThat(e.reason()).isEqualTo(FeedParseException.Reason.BAD_ENCODING))
        .hasMessageContaining("UTF-8").hasMessageContaining("no encoding declared");
  }

  @Test
  void refusesBytesThatDoNotMatchTheDeclaredEncoding() {
    byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + rss("Café")).getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> parser.parse(latin1, null, "u"))
        .isInstanceOfSatisfying(FeedParseException.class,
            e -> assertThat(e.reason()).isEqualTo(FeedParseException.Reason.BAD_ENCODING))
        .hasMessageContaining("XML declaration");
  }

  @Test
  void refusesUnknownDeclaredEncoding() {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"klingon-8\"?>" + rss("x")).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.parse(body, null, "u")).hasMessageContaining("unknown encoding 'klingon-8'");
  }

  @Test
  void reportsHtmlServedAsFeed() {
    byte[] html = "<!DOCTYPE html><html><head><title>Home</title></head><body>hi</body></html>"
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.parse(html, "text/html; charset=utf-8", "u"))
        .isInstanceOfSatisfying(FeedParseException.class,
            e -> assertThat(e.reason()).isEqualTo(FeedParseException.Reason.HTML_NOT_FEED));
  }

  @Test
  void reportsMalformedXmlWithPosition() {
    byte[] bad = "<rss version=\"2.0\"><channel><title>x</title><item></channel></rss>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.parse(bad, null, "u"))
        .isInstanceOfSatisfying(FeedParseException.class,
            e -> assertThat(e.reason()).isEqualTo(FeedParseException.Reason.MALFORMED_XML))
        .hasMessageContaining("line 1");
  }

  @Test
  void reportsXmlThatIsNotAFeed() {
    byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\"/></svg>"
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parser.parse(svg, "application/xml", "u"))
        .isInstanceOfSatisfying(FeedParseException.class,
            e -> assertThat(e.reason()).isEqualTo(FeedParseException.Reason.NOT_A_FEED));
  }

  @Test
  void reportsEmptyBody() {
    assertThatThrownBy(() -> parser.parse("  \n".getBytes(StandardCharsets.UTF_8), null, "u"))
        .isInstanceOfSatisfying(FeedParseException.class,
            e -> assertThat(e.reason()).isEqualTo(FeedParseException.Reason.EMPTY));
  }

  @Test
  void refusesXxe() {
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        + "<rss version=\"2.0\"><channel><title>&xxe;</title><link>http://x/</link><description>d</description>"
        + "</channel></rss>";
    assertThatThrownBy(() -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8), null, "u"))
        .isInstanceOfSatisfying(FeedParseException.class,
            e -> assertThat(e.reason()).isEqualTo(FeedParseException.Reason.DOCTYPE_REFUSED))
        .hasMessageNotContaining("root:");
  }

  @Test
  void refusesBillionLaughs() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    sb.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
    for (int i = 2; i <= 9; i++) {
      sb.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        sb.append("&lol").append(i - 1).append(';');
      }
      sb.append("\">\n");
    }
    sb.append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
    assertThatThrownBy(() -> parser.parse(sb.toString().getBytes(StandardCharsets.UTF_8), null, "u"))
        .isInstanceOfSatisfying(FeedParseException.class,
            e -> assertThat(e.reason()).isEqualTo(FeedParseException.Reason.DOCTYPE_REFUSED));
  }

  @Test
  void parsesListingPageWithSelector() throws Exception {
    ParsedFeed page = new ListingParser().parse(resource("listing.html"), "text/html; charset=utf-8",
        "https://ministry.example.org/press/", "ul.releases li.release a");
    assertThat(page.format()).isEqualTo("html_listing");
    assertThat(page.entries()).extracting(ParsedEntry::link).containsExactly(
        "https://ministry.example.org/press/2026/11/statement-1",
        "https://ministry.example.org/press/2026/11/statement-2");
    assertThat(page.entries().get(0).title()).isEqualTo("Statement on missile launch");
  }

  @ParameterizedTest
  @CsvSource({
      "'Mon, 23 Nov 2026 01:30:00 GMT', 2026-11-23T01:30:00Z",
      "'Sun, 22 Nov 2026 10:00:00 +0900', 2026-11-22T01:00:00Z",
      "'23 Nov 2026 01:30 GMT', 2026-11-23T01:30:00Z",
      "'Mon, 23 Nov 2026 01:30:00 EST', 2026-11-23T06:30:00Z",
      "'  Mon, 2 Nov 2026 01:30:00 -0000 ', 2026-11-02T01:30:00Z"})
  void readsItemDatesInTheFormsFeedsUse(String pubDate, String expected) throws Exception {
    String feed = rss("x").replace("<link>http://x.example/1</link>",
        "<link>http://x.example/1</link><pubDate>" + pubDate + "</pubDate>");
    ParsedFeed parsed = parser.parse(feed.getBytes(StandardCharsets.UTF_8), null, "u");
    assertThat(parsed.format()).isEqualTo("rss_2.0");
    assertThat(parsed.entries().get(0).published()).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({
      "2026-11-22T23:00:00Z, 2026-11-22T23:00:00Z",
      "2026-11-23T08:00:00+09:00, 2026-11-22T23:00:00Z",
      "2026-11-22T23:00:00.250Z, 2026-11-22T23:00:00.250Z",
      "2026-11-22T23:00Z, 2026-11-22T23:00:00Z"})
  void readsAtomDatesInRfc3339AndLooserForms(String published, String expected) throws Exception {
    String feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:f</id>"
        + "<updated>2026-11-23T00:00:00Z</updated><entry><title>e</title><id>urn:e</id>"
        + "<link href=\"https://a.example/e\"/><published>" + published + "</published>"
        + "<updated>2026-11-23T00:00:00Z</updated></entry></feed>";
    ParsedFeed parsed = parser.parse(feed.getBytes(StandardCharsets.UTF_8), null, "u");
    assertThat(parsed.format()).isEqualTo("atom_1.0");
    assertThat(parsed.entries().get(0).published()).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "<p>Seoul <b>said</b></p>|Seoul said",
      "  many   spaces\there  |many spaces here",
      "a<br/>b|a b",
      "x\u00A0y|x y",
      "<img src='x'>|",
      "<script>steal()</script>Seoul|Seoul",
      "a<STYLE>b{}</style>c|a c",
      "a<script>never closed|a",
      "abcdefghijklmnop|abcdefghij"})
  void cleansMarkupAndWhitespaceWithinTheLimit(String raw, String expected) {
    assertThat(FeedParser.clean(raw.replace("\\t", "\t").replace("\\u00A0", "\u00A0"), 10))
        .isEqualTo(expected == null ? null : expected.length() > 10 ? expected.substring(0, 10) : expected);
  }

  static String rss(String title) {
    return "<rss version=\"2.0\"><channel><title>t</title><link>http://x.example/</link><description>d</description>"
        + "<item><title>" + title + "</title><link>http://x.example/1</link></item></channel></rss>";
  }
}
