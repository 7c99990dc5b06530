package org.watchfloor.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to a fetch: status, the URL after redirects, the response headers and the decoded body (empty for
 * 304 Not Modified).
 *
 * @param status final HTTP status (200-299 or 304)
 * @param finalUrl URL of the last hop
 * @param headers response headers, names in lower case
 * @param body the body after gzip/deflate decoding
 */
public record FetchResult(int status, String finalUrl, Map<String, List<String>> headers, byte[] body) {

  public FetchResult {
    Map<String, List<String>> copy = new TreeMap<>();
    if (headers != null) {
      headers.forEach((k, v) -> {
        if (k != null) {
          copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v));
        }
      });
    }
    headers = Map.copyOf(copy);
    body = body == null ? new byte[0] : body;
  }

  /** True when the server answered 304: nothing changed since the validators sent. */
  public boolean notModified() {
    return status == 304;
  }

  /** The first value of a header (name in any case), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public String etag() {
    return header("etag");
  }

  public String lastModified() {
    return header("last-modified");
  }

  public String contentType() {
    return header("content-type");
  }

  /** The charset named in the Content-Type header, or null. */
  public String charset() {
    return charsetOf(contentType());
  }

  /** The charset parameter of a Content-Type value, or null. */
  public static String charsetOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String p = part.trim();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        String v = p.substring(8).trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        return v.isEmpty() ? null : v;
      }
    }
    return null;
  }
}
