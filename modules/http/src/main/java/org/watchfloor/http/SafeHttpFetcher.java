package org.watchfloor.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one URL within {@link FetchLimits}: follows redirects itself so that every hop's address is checked against
 * {@link AddressPolicy}, sends conditional-GET validators, decodes gzip/deflate with a bound on the decoded size and
 * aborts slow-drip transfers. Each hop's host is resolved once, the answer checked, and the connection made to exactly
 * the address checked ({@link PinnedHttpExchange}), so a DNS answer that changes after the check (rebinding) cannot
 * send the request elsewhere. Thread-safe; one instance serves a whole stage.
 *
 * <pre>{@code
 * SafeHttpFetcher fetcher = new SafeHttpFetcher(FetchLimits.DEFAULTS);
 * FetchResult r = fetcher.fetch(FetchRequest.of("https://example.org/feed.xml").withValidators(etag, lastModified));
 * if (r.notModified()) { ... }
 * }</pre>
 */
public final class SafeHttpFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(SafeHttpFetcher.class);
  private static final int BUFFER = 16 * 1024;

  private final FetchLimits limits;
  private final Predicate<InetAddress> nonPublic;
  private final HostResolver resolver;
  private final SSLSocketFactory tls;

  public SafeHttpFetcher(FetchLimits limits) {
    this(limits, AddressPolicy::isNonPublic);
  }

  /** For tests: a different idea of which addresses are non-public. */
  SafeHttpFetcher(FetchLimits limits, Predicate<InetAddress> nonPublic) {
    this(limits, nonPublic, HostResolver.SYSTEM, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /** For tests: another resolver (answers that change between calls) and another set of trusted certificates. */
  SafeHttpFetcher(FetchLimits limits, Predicate<InetAddress> nonPublic, HostResolver resolver, SSLSocketFactory tls) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.nonPublic = Objects.requireNonNull(nonPublic, "nonPublic");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.tls = Objects.requireNonNull(tls, "tls");
  }

  public SafeHttpFetcher() {
    this(FetchLimits.DEFAULTS);
  }

  public FetchLimits limits() {
    return limits;
  }

  /** Fetches the URL, following at most {@code maxRedirects} redirects; every failure is a {@link FetchException}. */
  public FetchResult fetch(FetchRequest req) throws FetchException {
    Objects.requireNonNull(req, "req");
    long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
    URI uri = parse(req.url(), req.url());
    Set<String> visited = new HashSet<>();
    visited.add(uri.toString());
    for (int hop = 0; ; hop++) {
      InetAddress address = checkedAddress(uri, req.allowPrivate());
      PinnedHttpExchange conn = open(uri, address, req, deadline);
      try {
        int status = conn.status();
        if (isRedirect(status)) {
          String location = conn.header("location");
          conn.close();
          if (location == null || location.isBlank()) {
            throw new FetchException(uri.toString(), FetchException.Reason.HTTP_STATUS, status,
                "redirect without a Location header", null);
          }
          URI next = resolve(uri, location);
          if (!visited.add(next.toString())) {
            throw new FetchException(req.url(), FetchException.Reason.REDIRECT_LOOP, status,
                "redirect loop back to " + next, null);
          }
          if (hop + 1 > limits.maxRedirects()) {
            throw new FetchException(req.url(), FetchException.Reason.TOO_MANY_REDIRECTS, status,
                "more than " + limits.maxRedirects() + " redirects, last to " + next, null);
          }
          LOG.debug("{} redirects ({}) to {}", uri, status, next);
          uri = next;
          continue;
        }
        Map<String, List<String>> headers = conn.headers();
        if (status == 304) {
          conn.close();
          return new FetchResult(status, uri.toString(), headers, new byte[0]);
        }
        if (status >= 400 || status < 200) {
          conn.close();
          throw new FetchException(uri.toString(), FetchException.Reason.HTTP_STATUS, status,
              "HTTP " + status, null);
        }
        byte[] body = readBody(conn, uri, deadline);
        return new FetchResult(status, uri.toString(), headers, body);
      } catch (SocketTimeoutException e) {
        throw new FetchException(uri.toString(), FetchException.Reason.TIMEOUT, 0, "read timed out", e);
      } catch (FetchException e) {
        throw e;
      } catch (IOException e) {
        throw classify(uri, e);
      } finally {
        conn.close();
      }
    }
  }

  private PinnedHttpExchange open(URI uri, InetAddress address, FetchRequest req, long deadline)
      throws FetchException {
    long remainingMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    Map<String, String> headers = PinnedHttpExchange.headersOf(
        "User-Agent", limits.userAgent(),
        "Accept-Encoding", "gzip, deflate",
        "Accept", req.accept() == null ? "*/*" : req.accept(),
        "If-None-Match", req.etag() == null || req.etag().isBlank() ? null : req.etag(),
        "If-Modified-Since", req.lastModified() == null || req.lastModified().isBlank() ? null : req.lastModified());
    try {
      return PinnedHttpExchange.get(uri, address, headers,
          (int) Math.min(limits.connectTimeout().toMillis(), remainingMs),
          (int) Math.min(limits.readTimeout().toMillis(), remainingMs), tls);
    } catch (SocketTimeoutException e) {
      throw new FetchException(uri.toString(), FetchException.Reason.TIMEOUT, 0,
          "timed out connecting to or reading from " + address.getHostAddress(), e);
    } catch (IOException e) {
      throw classify(uri, e);
    } catch (IllegalArgumentException e) {
      throw new FetchException(uri.toString(), FetchException.Reason.BAD_URL, 0, e.getMessage(), e);
    }
  }

  private byte[] readBody(PinnedHttpExchange conn, URI uri, long deadline) throws IOException {
    long declared = conn.contentLength();
    if (declared > limits.maxBodyBytes()) {
      throw new FetchException(uri.toString(), FetchException.Reason.TOO_LARGE, 200,
          "Content-Length " + declared + " exceeds " + limits.maxBodyBytes() + " bytes", null);
    }
    String encoding = conn.header("content-encoding");
    String enc = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
    try (InputStream raw = conn.body();
         GuardedInputStream wire = new GuardedInputStream(raw, uri.toString(), deadline)) {
      InputStream decoded;
      boolean compressed;
      try {
        switch (enc) {
          case "gzip":
          case "x-gzip":
            decoded = new GZIPInputStream(wire, BUFFER);
            compressed = true;
            break;
          case "deflate":
            decoded = new InflaterInputStream(wire, new Inflater(!zlibWrapped(wire)), BUFFER);
            compressed = true;
            break;
          default:
            decoded = wire;
            compressed = false;
            break;
        }
      } catch (ZipException e) {
        throw new FetchException(uri.toString(), FetchException.Reason.BAD_ENCODING, 200,
            "corrupt " + enc + " body: " + e.getMessage(), e);
      }
      long max = compressed ? limits.maxDecompressedBytes() : limits.maxBodyBytes();
      ByteArrayOutputStream out = new ByteArrayOutputStream(
          (int) Math.min(Math.max(declared, BUFFER), Math.min(max, 1 << 20)));
      byte[] buf = new byte[BUFFER];
      long total = 0;
      try {
        int n;
        while ((n = decoded.read(buf)) > 0) {
          total += n;
          if (total > max) {
            throw compressed
                ? new FetchException(uri.toString(), FetchException.Reason.DECOMPRESSION_BOMB, 200,
                    enc + " body decodes to more than " + max + " bytes", null)
                : new FetchException(uri.toString(), FetchException.Reason.TOO_LARGE, 200,
                    "body exceeds " + max + " bytes", null);
          }
          out.write(buf, 0, n);
        }
      } catch (ZipException | java.io.EOFException e) {
        throw new FetchException(uri.toString(), FetchException.Reason.BAD_ENCODING, 200,
            "corrupt " + enc + " body: " + e.getMessage(), e);
      }
      return out.toByteArray();
    }
  }

  /** RFC 9110 says deflate is zlib-wrapped, but some servers send raw deflate; the first byte tells them apart. */
  private static boolean zlibWrapped(GuardedInputStream in) throws IOException {
    int first = in.peek();
    return first >= 0 && (first & 0x0f) == 8;
  }

  /**
   * Resolves the host once and returns the address to connect to; unless private addresses are allowed, every address
   * of the answer must be public. The caller connects to exactly this address.
   */
  private InetAddress checkedAddress(URI uri, boolean allowPrivate) throws FetchException {
    String host = uri.getHost();
    InetAddress[] addresses;
    try {
      addresses = resolve(host);
    } catch (UnknownHostException e) {
      throw new FetchException(uri.toString(), FetchException.Reason.UNREACHABLE, 0, "unknown host " + host, e);
    }
    if (addresses == null || addresses.length == 0) {
      throw new FetchException(uri.toString(), FetchException.Reason.UNREACHABLE, 0, "unknown host " + host, null);
    }
    if (!allowPrivate) {
      for (InetAddress a : addresses) {
        if (nonPublic.test(a)) {
          throw new FetchException(uri.toString(), FetchException.Reason.PRIVATE_ADDRESS, 0,
              host + " resolves to non-public address " + a.getHostAddress()
                  + " (set allow_private: true for this source to allow it)", null);
        }
      }
    }
    return addresses[0];
  }

  private InetAddress[] resolve(String host) throws UnknownHostException {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.matches("[0-9.]+") || h.contains(":")) {
      // An address literal: parsed, never looked up.
      return new InetAddress[] {InetAddress.getByName(h)};
    }
    return resolver.resolve(h);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  static URI parse(String url, String original) throws FetchException {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new FetchException(original, FetchException.Reason.BAD_URL, 0, e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(original, FetchException.Reason.BAD_URL, 0, "only http and https URLs are fetched", null);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new FetchException(original, FetchException.Reason.BAD_URL, 0, "no host in URL", null);
    }
    return uri;
  }

  private static URI resolve(URI base, String location) throws FetchException {
    try {
      URI next = base.resolve(new URI(location.trim().replace(" ", "%20")));
      return parse(next.toString(), base.toString());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(base.toString(), FetchException.Reason.BAD_URL, 0,
          "bad redirect Location '" + location + "'", e);
    }
  }

  private static FetchException classify(URI uri, IOException e) {
    if (e instanceof FetchException) {
      return (FetchException) e;
    }
    if (e instanceof SocketTimeoutException) {
      return new FetchException(uri.toString(), FetchException.Reason.TIMEOUT, 0, "timed out: " + e.getMessage(), e);
    }
    if (e instanceof UnknownHostException) {
      return new FetchException(uri.toString(), FetchException.Reason.UNREACHABLE, 0, "unknown host " + e.getMessage(), e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return new FetchException(uri.toString(), FetchException.Reason.UNREACHABLE, 0, e.getMessage(), e);
    }
    if (e instanceof java.net.ProtocolException) {
      return new FetchException(uri.toString(), FetchException.Reason.IO_ERROR, 0, e.getMessage(), e);
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return new FetchException(uri.toString(), FetchException.Reason.IO_ERROR, 0,
          "TLS failed: " + e.getMessage(), e);
    }
    return new FetchException(uri.toString(), FetchException.Reason.IO_ERROR, 0, e.toString(), e);
  }

  /** Counts wire bytes and enforces the body limit, the overall deadline and the minimum transfer rate. */
  private final class GuardedInputStream extends InputStream {
    private final InputStream in;
    private final String url;
    private final long deadline;
    private final long started = System.nanoTime();
    private long count;
    private int peeked = -2;

    GuardedInputStream(InputStream in, String url, long deadline) {
      this.in = in;
      this.url = url;
      this.deadline = deadline;
    }

    int peek() throws IOException {
      if (peeked == -2) {
        peeked = in.read();
        if (peeked >= 0) {
          account(1);
        }
      }
      return peeked;
    }

    @Override
    public int read() throws IOException {
      if (peeked != -2) {
        int b = peeked;
        peeked = -2;
        return b;
      }
      int b = in.read();
      if (b >= 0) {
        account(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (peeked != -2) {
        int b = peeked;
        peeked = -2;
        if (b < 0) {
          return -1;
        }
        buf[off] = (byte) b;
        return 1;
      }
      int n = in.read(buf, off, len);
      if (n > 0) {
        account(n);
      } else {
        checkTime();
      }
      return n;
    }

    private void account(int n) throws FetchException {
      count += n;
      if (count > limits.maxBodyBytes()) {
        throw new FetchException(url, FetchException.Reason.TOO_LARGE, 200,
            "body exceeds " + limits.maxBodyBytes() + " bytes", null);
      }
      checkTime();
    }

    private void checkTime() throws FetchException {
      long now = System.nanoTime();
      if (now > deadline) {
        throw new FetchException(url, FetchException.Reason.TOO_SLOW, 200,
            "transfer not finished within " + limits.totalTimeout().toMillis() + " ms (" + count + " bytes read)",
            null);
      }
      long elapsed = now - started;
      if (limits.minBytesPerSecond() > 0 && elapsed > limits.rateGrace().toNanos()) {
        double rate = count / (elapsed / 1e9);
        if (rate < limits.minBytesPerSecond()) {
          throw new FetchException(url, FetchException.Reason.TOO_SLOW, 200,
              String.format(Locale.ROOT, "transfer at %.0f bytes/s, below the minimum %d bytes/s", rate,
                  limits.minBytesPerSecond()), null);
        }
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
