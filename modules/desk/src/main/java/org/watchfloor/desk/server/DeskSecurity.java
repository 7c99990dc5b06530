package org.watchfloor.desk.server;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The desk's checks, free of the web framework: who may read (token, session cookie or basic auth off loopback), and
 * whether a write comes from the desk's own page (a double-submit CSRF token, {@code Origin} and
 * {@code Sec-Fetch-Site}). Every desk instance derives the same answers from the same settings, so they need no
 * shared session store.
 */
public final class DeskSecurity {
  /** The page's Content-Security-Policy: nothing inline, nothing from elsewhere, no framing. */
  public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";
  public static final String SESSION_COOKIE = "wf_desk_session";
  public static final String CSRF_COOKIE = "wf_desk_csrf";
  public static final String CSRF_HEADER = "X-Desk-Csrf";

  private static final SecureRandom RANDOM = new SecureRandom();
  private final DeskSettings settings;

  public DeskSecurity(DeskSettings settings) {
    this.settings = settings;
  }

  public boolean authRequired() {
    return settings.authRequired();
  }

  /**
   * Whether a request may read: no auth configured, or a bearer token, session cookie or basic-auth header that
   * matches. Comparisons take constant time.
   */
  public boolean allowed(String authorization, String sessionCookie) {
    if (!settings.authRequired()) {
      return true;
    }
    if (sessionCookie != null && settings.token() != null && same(sessionCookie, sessionValue())) {
      return true;
    }
    if (authorization == null) {
      return false;
    }
    if (settings.token() != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return same(authorization.substring(7).trim(), settings.token());
    }
    if (settings.user() != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
            StandardCharsets.UTF_8);
        return same(decoded, settings.user() + ":" + settings.password());
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return false;
  }

  /** Whether a token typed into the login page is the desk's token. */
  public boolean tokenMatches(String candidate) {
    return settings.token() != null && candidate != null && same(candidate, settings.token());
  }

  /** The session cookie's value: derived from the token, so every instance accepts it; never the token itself. */
  public String sessionValue() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(settings.token().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal("watchfloor-desk-session".getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** A fresh CSRF token for the page's cookie. */
  public static String newCsrfToken() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * Why a write must be refused, or null when it may go ahead: the CSRF header must equal the cookie, and a browser's
   * {@code Origin} and {@code Sec-Fetch-Site}, when sent, must say the request came from the desk's own page.
   */
  public static String refuseWrite(String csrfCookie, String csrfHeader, String origin, String host,
      String fetchSite) {
    if (csrfCookie == null || csrfCookie.length() < 32 || csrfHeader == null || !same(csrfCookie, csrfHeader)) {
      return "this action needs the desk page's token; reload the desk and try again";
    }
    if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none")) {
      return "this action may only come from the desk's own page";
    }
    if (origin != null) {
      String originHost;
      try {
        URI u = URI.create(origin);
        originHost = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
      } catch (IllegalArgumentException e) {
        return "this action may only come from the desk's own page";
      }
      if (originHost == null || host == null || !originHost.toLowerCase(Locale.ROOT).equals(
          host.toLowerCase(Locale.ROOT))) {
        return "this action may only come from the desk's own page";
      }
    }
    return null;
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
