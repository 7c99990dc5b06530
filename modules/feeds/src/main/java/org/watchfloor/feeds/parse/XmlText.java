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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an XML document into text, choosing the encoding the way feed readers do: byte-order mark, then
 * the XML declaration, then the HTTP charset, then UTF-8; the bytes must decode cleanly in the chosen encoding.
 */
public final class XmlText {
  private XmlText() {}

  private static final Pattern DECLARED =
      Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  /** The chosen encoding and where it came from. */
  public record Detected(Charset charset, String source, int skip) {}

  public static Detected detect(byte[] bytes, String httpCharset, String url) throws FeedParseException {
    int n = bytes.length;
    if (n >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      return new Detected(StandardCharsets.UTF_8, "byte-order mark", 3);
    }
    if (n >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
      return new Detected(StandardCharsets.UTF_16BE, "byte-order mark", 2);
    }
    if (n >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
      return new Detected(StandardCharsets.UTF_16LE, "byte-order mark", 2);
    }
    if (n >= 2 && bytes[0] == 0 && bytes[1] == '<') {
      return new Detected(StandardCharsets.UTF_16BE, "leading bytes", 0);
    }
    if (n >= 2 && bytes[0] == '<' && bytes[1] == 0) {
      return new Detected(StandardCharsets.UTF_16LE, "leading bytes", 0);
    }
    String head = new String(bytes, 0, Math.min(n, 256), StandardCharsets.ISO_8859_1);
    Matcher m = DECLARED.matcher(head);
    if (m.find()) {
      return new Detected(charset(m.group(1), "the XML declaration", url), "XML declaration", 0);
    }
    if (httpCharset != null && !httpCharset.isBlank()) {
      return new Detected(charset(httpCharset.trim(), "the HTTP Content-Type", url), "HTTP Content-Type", 0);
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
          "bytes are not valid " + d.charset().name() + " (encoding from " + d.source() + ") near byte "
              + in.position() + "; declare the real encoding in the XML declaration or the Content-Type", e);
    }
  }

  private static Charset charset(String name, String where, String url) throws FeedParseException {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new FeedParseException(url, FeedParseException.Reason.BAD_ENCODING,
          "unknown encoding '" + name + "' declared in " + where, e);
    }
  }
}
