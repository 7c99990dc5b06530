package org.watchfloor.pages.url;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Normalises article URLs: lower-case scheme and host, no default port, no fragment, no tracking parameters, sorted
 * query, dot segments resolved, canonical percent-escapes and no trailing slash except on the root path.
 */
public final class UrlNormalizer {
  private UrlNormalizer() {}

  /** Query parameters that only track the visit and never select content. */
  static final Set<String> TRACKING = Set.of(
      "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "ttclid", "igshid", "mc_cid", "mc_eid",
      "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wickedid", "rb_clickid",
      "s_cid", "cmpid", "cmp", "ocid", "smid", "smtyp", "sr_share", "ito", "at_medium", "at_campaign", "at_custom1",
      "at_custom2", "at_custom3", "at_custom4", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
      "ref_src", "ref_url", "__twitter_impression", "xtor", "spm", "share", "rss", "feedtype", "icid");

  /** Parameter name prefixes that only track the visit. */
  private static final List<String> TRACKING_PREFIXES = List.of("utm_", "pk_", "mtm_", "hsa_", "at_");

  /**
   * Returns the normalised absolute http(s) URL.
   *
   * @throws IllegalArgumentException if the text is not an absolute http or https URL
   */
  public static String normalize(String url) {
    Objects.requireNonNull(url, "url");
    URI uri;
    try {
      uri = new URI(escapeIllegal(asciiHost(url.trim())));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: '" + url + "' (" + e.getReason() + ")", e);
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("not an http(s) URL: '" + url + "'");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("URL has no host: '" + url + "'");
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (!host.startsWith("[")) {
      try {
        host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("bad host in URL: '" + url + "'", e);
      }
    }
    int port = uri.getPort();
    if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
      port = -1;
    }
    String path = normalizePath(uri.getRawPath());
    String query = normalizeQuery(uri.getRawQuery());

    StringBuilder sb = new StringBuilder(url.length());
    sb.append(scheme).append("://").append(host);
    if (port >= 0) {
      sb.append(':').append(port);
    }
    sb.append(path);
    if (!query.isEmpty()) {
      sb.append('?').append(query);
    }
    return sb.toString();
  }

  /**
   * The key an article id is computed from: the normalised URL without its scheme and without a leading
   * {@code www.}, because sites serve the same article over http and https and with or without {@code www}.
   */
  public static String identityKey(String url) {
    String normalized = normalize(url);
    String rest = normalized.substring(normalized.indexOf("://") + 3);
    return rest.startsWith("www.") ? rest.substring(4) : rest;
  }

  private static String normalizePath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    String path = canonicalEscapes(rawPath);
    path = removeDotSegments(path);
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.isEmpty() ? "/" : path;
  }

  private static String removeDotSegments(String path) {
    if (!path.contains("/.")) {
      return path;
    }
    String[] parts = path.split("/", -1);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      if (".".equals(p)) {
        if (i == parts.length - 1) {
          out.add("");
        }
      } else if ("..".equals(p)) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        if (i == parts.length - 1) {
          out.add("");
        }
      } else {
        out.add(p);
      }
    }
    return "/" + String.join("/", out);
  }

  private static String normalizeQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> params = new ArrayList<>();
    for (String pair : rawQuery.split("[&;]")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = canonicalEscapes(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? null : canonicalEscapes(pair.substring(eq + 1));
      if (isTracking(name)) {
        continue;
      }
      params.add(new String[] {name, value});
    }
    // A stable sort keeps the order of repeated names, which some sites give meaning to.
    params.sort(Comparator.comparing(p -> p[0]));
    StringBuilder sb = new StringBuilder();
    for (String[] p : params) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(p[0]);
      if (p[1] != null) {
        sb.append('=').append(p[1]);
      }
    }
    return sb.toString();
  }

  private static boolean isTracking(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (TRACKING.contains(n)) {
      return true;
    }
    for (String prefix : TRACKING_PREFIXES) {
      if (n.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Upper-cases percent-escapes and decodes the ones that stand for unreserved characters. */
  private static String canonicalEscapes(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        int v = Integer.parseInt(s.substring(i + 1, i + 3), 16);
        if (isUnreserved((char) v)) {
          sb.append((char) v);
        } else {
          sb.append('%').append(Character.toUpperCase(s.charAt(i + 1))).append(Character.toUpperCase(s.charAt(i + 2)));
        }
        i += 2;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  /** Converts an internationalised host to its ASCII (punycode) form before the rest is escaped. */
  private static String asciiHost(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return url;
    }
    start += 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    if (authority.chars().allMatch(c -> c < 0x80)) {
      return url;
    }
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
    String hostPort = authority.substring(at + 1);
    int colon = hostPort.lastIndexOf(':');
    String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
    String port = colon < 0 ? "" : hostPort.substring(colon);
    try {
      host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad host in URL: '" + url + "'", e);
    }
    return url.substring(0, start) + userInfo + host + port + url.substring(end);
  }

  /** Escapes characters that browsers accept in links but {@link URI} rejects (spaces, non-ASCII, pipes). */
  private static String escapeIllegal(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = c <= ' ' || c >= 0x7f || c == '|' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^'
          || c == '`' || c == '{' || c == '}';
      if (bad && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (bad) {
          for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            sb.append('%').append(String.format("%02X", b & 0xff));
          }
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }
}
