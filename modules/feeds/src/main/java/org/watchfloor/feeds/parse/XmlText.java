package org.watchfloor.feeds.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an XML (or JSON Feed) document into text, choosing the encoding as RFC 7303 and feedparser do:
 * a byte-order mark first (UTF-8, UTF-16 and UTF-32, either byte order); then the HTTP charset; then the XML
 * declaration, read in the byte width sniffed from the first bytes ({@code <?xml} in UTF-16 or UTF-32 without a
 * mark); then UTF-8. The bytes must decode cleanly in the chosen encoding.
 *
 * <p>For {@code text/xml} without a charset, RFC 3023 meant US-ASCII, and feedparser tries that and then falls back
 * to the declaration; RFC 7303 reads the declaration. Both give the same text for a document that decodes at all, so
 * the declaration is read. A charset that cannot be right for the bytes (an 8-bit charset over a document whose first
 * bytes are UTF-16 or UTF-32, which XML cannot hold as NUL characters) gives way to the sniffed width.
 */
public final class XmlText {
  private XmlText() {}

  private static final Pattern DECLARED =
      Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  /** The chosen encoding, where it came from, and how many leading bytes (a byte-order mark) to skip. */
  public record Detected(Charset charset, String source, int skip) {}

  /**
   * Chooses the encoding.
   *
   * @param bytes the document
   * @param httpCharset the charset parameter of the HTTP Content-Type, or null
   * @param url the document's URL or file name, for errors
   */
  public static Detected detect(byte[] bytes, String httpCharset, String url) throws FeedParseException {
    Detected bom = byteOrderMark(bytes);
    if (bom != null) {
      return bom;
    }
    Charset sniffed = sniffWidth(bytes);
    if (httpCharset != null && !httpCharset.isBlank()) {
      Charset http = charset(httpCharset.trim(), "the HTTP Content-Type", url);
      return new Detected(fitToWidth(http, sniffed), "HTTP Content-Type", 0);
    }
    Charset headCharset = sniffed == null ? StandardCharsets.ISO_8859_1 : sniffed;
    int headBytes = Math.min(bytes.length, sniffed == null ? 256 : 1024);
    String head = new String(bytes, 0, headBytes - headBytes % width(headCharset), headCharset);
    Matcher m = DECLARED.matcher(head);
    if (m.find()) {
      Charset declared = charset(m.group(1), "the XML declaration", url);
      return new Detected(fitToWidth(declared, sniffed), "XML declaration", 0);
    }
    if (sniffed != null) {
      return new Detected(sniffed, "leading bytes", 0);
    }
    return new Detected(StandardCharsets.UTF_8, "default (no encoding declared)", 0);
  }

  /** Decodes strictly; a byte sequence invalid in the chosen encoding is an error naming the encoding's source. */
  public static String decode(byte[] bytes, String httpCharset, String url) throws FeedParseException {
    Detected d = detect(bytes, httpCharset, url);
    CharsetDecoder decoder = d.charset().newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, d.skip(), bytes.length - d.skip());
    try {
      CharBuffer chars = decoder.decode(in);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new FeedParseException(url, FeedParseException.Reason.BAD_ENCODING,
          "the bytes are not valid " + d.charset().name() + " (encoding from " + d.source() + ") near byte "
              + in.position() + "; declare the real encoding in the XML declaration or the Content-Type");
    }
  }

  private static Detected byteOrderMark(byte[] b) {
    int n = b.length;
    // UTF-32 LE's mark begins with UTF-16 LE's, so the longer marks are checked first.
    if (n >= 4 && u(b[0]) == 0x00 && u(b[1]) == 0x00 && u(b[2]) == 0xFE && u(b[3]) == 0xFF) {
      return new Detected(UTF_32BE, "byte-order mark", 4);
    }
    if (n >= 4 && u(b[0]) == 0xFF && u(b[1]) == 0xFE && u(b[2]) == 0x00 && u(b[3]) == 0x00) {
      return new Detected(UTF_32LE, "byte-order mark", 4);
    }
    if (n >= 3 && u(b[0]) == 0xEF && u(b[1]) == 0xBB && u(b[2]) == 0xBF) {
      return new Detected(StandardCharsets.UTF_8, "byte-order mark", 3);
    }
    if (n >= 2 && u(b[0]) == 0xFE && u(b[1]) == 0xFF) {
      return new Detected(StandardCharsets.UTF_16BE, "byte-order mark", 2);
    }
    if (n >= 2 && u(b[0]) == 0xFF && u(b[1]) == 0xFE) {
      return new Detected(StandardCharsets.UTF_16LE, "byte-order mark", 2);
    }
    return null;
  }

  /**
   * UTF-16 or UTF-32 and its byte order, from the NUL bytes around the first character ({@code <} or {@code {});
   * null for an 8-bit or ASCII-compatible encoding.
   */
  private static Charset sniffWidth(byte[] b) {
    if (b.length < 4) {
      if (b.length >= 2 && b[0] == 0 && b[1] != 0) {
        return StandardCharsets.UTF_16BE;
      }
      if (b.length >= 2 && b[0] != 0 && b[1] == 0) {
        return StandardCharsets.UTF_16LE;
      }
      return null;
    }
    boolean z0 = b[0] == 0;
    boolean z1 = b[1] == 0;
    boolean z2 = b[2] == 0;
    boolean z3 = b[3] == 0;
    if (z0 && z1 && z2 && !z3) {
      return UTF_32BE;
    }
    if (!z0 && z1 && z2 && z3) {
      return UTF_32LE;
    }
    if (z0 && !z1 && z2 && !z3) {
      return StandardCharsets.UTF_16BE;
    }
    if (!z0 && z1 && !z2 && z3) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /**
   * A named charset adjusted to what the bytes show: {@code UTF-16} or {@code UTF-32} without a byte order takes the
   * sniffed one, and an 8-bit charset over UTF-16 or UTF-32 bytes gives way to the sniffed encoding.
   */
  private static Charset fitToWidth(Charset named, Charset sniffed) {
    if (sniffed == null) {
      return named;
    }
    String n = named.name().toUpperCase(Locale.ROOT);
    if (width(named) == 1 || n.equals("UTF-16") || n.equals("UTF-32")) {
      return sniffed;
    }
    return named;
  }

  private static int width(Charset c) {
    String n = c.name().toUpperCase(Locale.ROOT);
    if (n.startsWith("UTF-32")) {
      return 4;
    }
    if (n.startsWith("UTF-16")) {
      return 2;
    }
    return 1;
  }

  private static int u(byte b) {
    return b & 0xff;
  }

  private static Charset charset(String name, String where, String url) throws FeedParseException {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new FeedParseException(url, FeedParseException.Reason.BAD_ENCODING,
          "unknown encoding '" + name + "' declared in " + where);
    }
  }
}
