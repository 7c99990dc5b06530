package org.watchfloor.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends requests (webhooks, Slack) to exactly the address that was checked: the host is resolved once through a
 * {@link HostResolver}, every address of the answer is checked, and the connection goes to the first one, with the
 * URL's host kept for the Host header, TLS SNI and the certificate check. Redirects are not followed. Thread-safe.
 */
public final class PinnedHttpClient {
  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  private final HostResolver resolver;
  private final Predicate<InetAddress> refused;
  private final SSLSocketFactory tls;
  private final Duration timeout;

  /**
   * @param resolver how host names are resolved (once per request)
   * @param refused which resolved addresses may not be connected to ({@code AddressPolicy::isNonPublic}, or none)
   * @param tls the TLS socket factory (the JVM's default trusts the system's certificate authorities)
   * @param timeout connect and read timeout
   */
  public PinnedHttpClient(HostResolver resolver, Predicate<InetAddress> refused, SSLSocketFactory tls,
                          Duration timeout) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.refused = Objects.requireNonNull(refused, "refused");
    this.tls = Objects.requireNonNull(tls, "tls");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** With the system resolver and the JVM's TLS defaults. */
  public static PinnedHttpClient of(boolean allowPrivate, Duration timeout) {
    Predicate<InetAddress> refused = allowPrivate ? a -> false : AddressPolicy::isNonPublic;
    return new PinnedHttpClient(HostResolver.SYSTEM, refused, (SSLSocketFactory) SSLSocketFactory.getDefault(),
        timeout);
  }

  /** An answer: its status and the start of its body as text. */
  public record Answer(int status, String body) {}

  /** A host whose answer holds an address that may not be connected to. */
  public static final class RefusedAddressException extends IOException {
    private static final long serialVersionUID = 1L;

    public RefusedAddressException(String message) {
      super(message);
    }
  }

  /** POSTs {@code body} to {@code url} with the given headers (Content-Type among them). */
  public Answer post(String url, Map<String, String> headers, byte[] body) throws IOException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IOException("not a valid URL: " + url, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IOException("only http and https URLs with a host are sent to: " + url);
    }
    InetAddress address = checkedAddress(uri.getHost());
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    try (PinnedHttpExchange ex = PinnedHttpExchange.send("POST", uri, address, headers, body, ms, ms, tls)) {
      return new Answer(ex.status(), readSome(ex.body()));
    }
  }

  /** Resolves once and checks every address of the answer; the caller connects to the one returned. */
  public InetAddress checkedAddress(String host) throws IOException {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] all;
    if (h.matches("[0-9.]+") || h.contains(":")) {
      all = new InetAddress[] {InetAddress.getByName(h)};
    } else {
      all = resolver.resolve(h);
    }
    if (all == null || all.length == 0) {
      throw new UnknownHostException(h);
    }
    for (InetAddress a : all) {
      if (refused.test(a)) {
        throw new RefusedAddressException(h + " resolves to non-public address " + a.getHostAddress());
      }
    }
    return all[0];
  }

  private static String readSome(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    int n;
    while (out.size() < MAX_ANSWER_BYTES && (n = in.read(buf)) > 0) {
      out.write(buf, 0, n);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
