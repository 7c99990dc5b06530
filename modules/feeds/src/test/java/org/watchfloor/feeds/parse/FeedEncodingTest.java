package org.watchfloor.feeds.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Encodings as RFC 7303 and feedparser read them: byte-order marks, sniffed UTF-16/32, HTTP charset precedence. */
class FeedEncodingTest {
  private static final String TITLE = "Ünïcödé Москва 東京";
  private final FeedParser parser = new FeedParser();

  private static String rss(String declaration) {
    return (declaration == null ? "" : "<?xml version=\"1.0\" encoding=\"" + declaration + "\"?>\n")
        + "<rss version=\"2.0\"><channel><title>Desk</title><link>https://desk.example.org/</link>"
        + "<description>d</description><item><title>" + TITLE + "</title>"
        + "<link>https://desk.example.org/1</link></item></channel></rss>";
  }

  private static byte[] bytes(String text, String charset, boolean bom) {
    byte[] body = text.getBytes(Charset.forName(charset));
    if (!bom) {
      return body;
    }
    byte[] mark = "\uFEFF".getBytes(Charset.forName(charset));
    byte[] out = new byte[mark.length + body.length];
    System.arraycopy(mark, 0, out, 0, mark.length);
    System.arraycopy(body, 0, out, mark.length, body.length);
    return out;
  }

  @ParameterizedTest(name = "{0} bom={1} declared={2}")
  @CsvSource({
      "UTF-8, true, UTF-8",
      "UTF-8, false, UTF-8",
      "UTF-8, false, ",
      "UTF-16BE, true, UTF-16",
      "UTF-16BE, false, UTF-16",
      "UTF-16BE, false, ",
      "UTF-16LE, true, UTF-16",
      "UTF-16LE, false, UTF-16",
      "UTF-16LE, false, UTF-16LE",
      "UTF-16LE, false, ",
      "UTF-32BE, true, UTF-32",
      "UTF-32BE, false, UTF-32",
      "UTF-32BE, false, ",
      "UTF-32LE, true, UTF-32",
      "UTF-32LE, false, UTF-32",
      "UTF-32LE, false, UTF-32LE",
      "UTF-32LE, false, "})
  void readsUnicodeEncodingsWithAndWithoutByteOrderMark(String charset, boolean bom, String declared)
      throws Exception {
    byte[] body = bytes(rss(declared), charset, bom);
    ParsedFeed feed = parser.parse(body, null, "https://desk.example.org/rss.xml");
    assertThat(feed.entries()).hasSize(1);
    assertThat(feed.entries().get(0).title()).isEqualTo(TITLE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "application/rss+xml; charset=utf-8",
      "application/xml; charset=UTF-8",
      "application/atom+xml; charset=\"utf-8\"",
      "text/xml; charset=utf-8"})
  void httpCharsetTakesPrecedenceOverTheXmlDeclaration(String contentType) throws Exception {
    // The server is right and the declaration is stale: the bytes are UTF-8, the declaration says Latin 1.
    byte[] body = rss("ISO-8859-1").getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(body, contentType, "u").entries().get(0).title()).isEqualTo(TITLE);
    // Without the HTTP charset the declaration decides, and the same bytes read as Latin 1.
    assertThat(parser.parse(body, "application/rss+xml", "u").entries().get(0).title()).isNotEqualTo(TITLE);
  }

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({
      "UTF-16LE, iso-8859-1",
      "UTF-16BE, utf-8",
      "UTF-32LE, utf-8",
      "UTF-8, utf-16"})
  void byteOrderMarkTakesPrecedenceOverTheHttpCharset(String charset, String httpCharset) throws Exception {
    byte[] body = bytes(rss(null), charset, true);
    ParsedFeed feed = parser.parse(body, "application/rss+xml; charset=" + httpCharset, "u");
    assertThat(feed.entries().get(0).title()).isEqualTo(TITLE);
  }

  @ParameterizedTest(name = "{0} bytes, charset={1}")
  @CsvSource({
      "UTF-16LE, utf-16",
      "UTF-16BE, utf-16",
      "UTF-32LE, utf-32",
      "UTF-16LE, utf-8",
      "UTF-32BE, iso-8859-1"})
  void wideBytesWithoutMarkWinOverACharsetThatCannotFitThem(String charset, String httpCharset) throws Exception {
    byte[] body = bytes(rss(null), charset, false);
    ParsedFeed feed = parser.parse(body, "text/xml; charset=" + httpCharset, "u");
    assertThat(feed.entries().get(0).title()).isEqualTo(TITLE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"windows-1251", "KOI8-R", "ISO-8859-5"})
  void readsEightBitEncodingsFromTheDeclarationOrTheHttpCharset(String charset) throws Exception {
    String cyrillic = "Москва";
    String doc = rss(charset).replace(TITLE, cyrillic);
    byte[] body = doc.getBytes(Charset.forName(charset));
    assertThat(parser.parse(body, null, "u").entries().get(0).title()).isEqualTo(cyrillic);
    byte[] undeclared = rss(null).replace(TITLE, cyrillic).getBytes(Charset.forName(charset));
    assertThat(parser.parse(undeclared, "application/rss+xml; charset=" + charset, "u").entries().get(0).title())
        .isEqualTo(cyrillic);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"UTF-8, false", "UTF-8, true", "UTF-16LE, true", "UTF-16BE, false", "UTF-32LE, true"})
  void readsJsonFeedsInUnicodeEncodings(String charset, boolean bom) throws Exception {
    String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Desk\",\"items\":"
        + "[{\"id\":\"1\",\"url\":\"https://desk.example.org/1\",\"title\":\"" + TITLE + "\"}]}";
    ParsedFeed feed = parser.parse(bytes(json, charset, bom), "application/feed+json", "u");
    assertThat(feed.format()).isEqualTo("json_1.1");
    assertThat(feed.entries().get(0).title()).isEqualTo(TITLE);
  }
}
