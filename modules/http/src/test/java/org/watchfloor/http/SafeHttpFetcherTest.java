package org.watchfloor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeHttpFetcherTest {
  private static final byte[] HELLO = "<rss/>".getBytes(StandardCharsets.UTF_8);

  private final LoopbackServer server = new LoopbackServer();
  private final FetchLimits fast = FetchLimits.DEFAULTS
      .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3))
      .withMinRate(1024, Duration.ofMillis(500));
  private final SafeHttpFetcher fetcher = new SafeHttpFetcher(fast);

  @AfterEach
  void stop() {
    server.close();
  }

  private FetchRequest local(String path) {
    return FetchRequest.of(server.url(path)).withAllowPrivate(true);
  }

  private FetchException failure(FetchRequest req) {
    try {
      fetcher.fetch(req);
    } catch (FetchException e) {
      return e;
    }
    throw new AssertionError("expected a FetchException for " + req.url());
  }

  @Test
  void fetchesBodyHeadersAndCharset() throws Exception {
    server.on("/feed", ex -> {
      ex.getResponseHeaders().set("ETag", "\"v1\"");
      LoopbackServer.respond(ex, 200, "application/rss+xml; charset=ISO-8859-1", HELLO);
    });
    FetchResult r = fetcher.fetch(local("/feed"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(HELLO);
    assertThat(r.etag()).isEqualTo("\"v1\"");
    assertThat(r.charset()).isEqualTo("ISO-8859-1");
    assertThat(r.notModified()).isFalse();
  }

  @Test
  void conditionalGetRoundTripAnswersNotModified() throws Exception {
    String lastModified = "Mon, 23 Nov 2026 06:00:00 GMT";
    server.on("/feed", ex -> {
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
      if ("\"abc\"".equals(inm) || lastModified.equals(ims)) {
        LoopbackServer.respond(ex, 304, null, new byte[0]);
        return;
      }
      ex.getResponseHeaders().set("ETag", "\"abc\"");
      ex.getResponseHeaders().set("Last-Modified", lastModified);
      LoopbackServer.respond(ex, 200, "application/rss+xml", HELLO);
    });
    FetchResult first = fetcher.fetch(local("/feed"));
    assertThat(first.status()).isEqualTo(200);
    FetchResult second = fetcher.fetch(local("/feed").withValidators(first.etag(), null));
    assertThat(second.notModified()).isTrue();
    assertThat(second.body()).isEmpty();
    FetchResult third = fetcher.fetch(local("/feed").withValidators(null, first.lastModified()));
    assertThat(third.notModified()).isTrue();
  }

  @Test
  void sendsIdentifyingUserAgent() throws Exception {
    String[] seen = new String[1];
    server.on("/ua", ex -> {
      seen[0] = ex.getRequestHeaders().getFirst("User-Agent");
      LoopbackServer.respond(ex, 200, "text/plain", HELLO);
    });
    fetcher.fetch(local("/ua"));
    assertThat(seen[0]).isEqualTo(FetchLimits.USER_AGENT);
  }

  @Test
  void decodesGzip() throws Exception {
    byte[] big = "<item>news</item>".repeat(1000).getBytes(StandardCharsets.UTF_8);
    server.on("/gz", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      LoopbackServer.respond(ex, 200, "application/xml", gzip(big, 1));
    });
    assertThat(fetcher.fetch(local("/gz")).body()).isEqualTo(big);
  }

  @Test
  void followsRedirectsAndReportsFinalUrl() throws Exception {
    server.on("/a", ex -> LoopbackServer.redirect(ex, 301, "/b"));
    server.on("/b", ex -> LoopbackServer.redirect(ex, 302, server.url("/c")));
    server.on("/c", ex -> LoopbackServer.respond(ex, 200, "text/xml", HELLO));
    FetchResult r = fetcher.fetch(local("/a"));
    assertThat(r.body()).isEqualTo(HELLO);
    assertThat(r.finalUrl()).isEqualTo(server.url("/c"));
  }

  @Test
  void refusesRedirectLoop() {
    server.on("/x", ex -> LoopbackServer.redirect(ex, 302, "/y"));
    server.on("/y", ex -> LoopbackServer.redirect(ex, 302, "/x"));
    assertThat(failure(local("/x")).reason()).isEqualTo(FetchException.Reason.REDIRECT_LOOP);
  }

  @Test
  void refusesTooManyRedirects() {
    for (int i = 0; i < 10; i++) {
      int next = i + 1;
      server.on("/r" + i, ex -> LoopbackServer.redirect(ex, 307, "/r" + next));
    }
    FetchException e = failure(local("/r0"));
    assertThat(e.reason()).isEqualTo(FetchException.Reason.TOO_MANY_REDIRECTS);
    assertThat(e.retryable()).isFalse();
    assertThat(server.hits("/r5")).isEqualTo(1);
    assertThat(server.hits("/r6")).isZero();
  }

  @Test
  void refusesLoopbackUnlessAllowed() {
    server.on("/feed", ex -> LoopbackServer.respond(ex, 200, "text/xml", HELLO));
    FetchException e = failure(FetchRequest.of(server.url("/feed")));
    assertThat(e.reason()).isEqualTo(FetchException.Reason.PRIVATE_ADDRESS);
    assertThat(server.hits("/feed")).isZero();
  }

  @ParameterizedTest
  @CsvSource({"http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1/",
      "http://100.64.0.1/", "http://[::1]/", "http://[fd00::1]/"})
  void refusesRedirectToPrivateAddress(String target) {
    // 127.0.0.1 (the test server) counts as public here, so only the redirect's target is judged.
    SafeHttpFetcher guarded = new SafeHttpFetcher(fast,
        a -> !a.getHostAddress().equals("127.0.0.1") && AddressPolicy.isNonPublic(a));
    server.on("/go", ex -> LoopbackServer.redirect(ex, 302, target));
    FetchException e = null;
    try {
      guarded.fetch(FetchRequest.of(server.url("/go")));
    } catch (FetchException ex) {
      e = ex;
    }
    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(FetchException.Reason.PRIVATE_ADDRESS);
    assertThat(e.url()).startsWith(target.substring(0, target.indexOf('/', 8)));
    assertThat(server.hits("/go")).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({"127.0.0.1,true", "10.0.0.8,true", "172.16.5.4,true", "172.32.0.1,false", "192.168.0.1,true",
      "169.254.1.1,true", "100.64.1.1,true", "100.128.0.1,false", "224.0.0.1,true", "0.0.0.0,true",
      "8.8.8.8,false", "::1,true", "fe80::1,true", "fc00::1,true", "fd12:3456::1,true", "ff02::1,true",
      "::ffff:10.0.0.1,true", "2001:4860:4860::8888,false", "151.101.1.1,false"})
  void classifiesAddresses(String address, boolean nonPublic) throws Exception {
    assertThat(AddressPolicy.isNonPublic(InetAddress.getByName(address))).isEqualTo(nonPublic);
  }

  @ParameterizedTest
  @CsvSource({"500,true", "503,true", "429,true", "404,false", "403,false", "410,false"})
  void reportsHttpErrorsWithRetryability(int status, boolean retryable) {
    server.on("/err", ex -> LoopbackServer.respond(ex, status, "text/plain", "no".getBytes(StandardCharsets.UTF_8)));
    FetchException e = failure(local("/err"));
    assertThat(e.reason()).isEqualTo(FetchException.Reason.HTTP_STATUS);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.retryable()).isEqualTo(retryable);
  }

  @Test
  void reportsUnreachableHost() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    FetchException e = failure(FetchRequest.of("http://127.0.0.1:" + port + "/feed").withAllowPrivate(true));
    assertThat(e.reason()).isEqualTo(FetchException.Reason.UNREACHABLE);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void rejectsNonHttpUrls() {
    assertThat(failure(FetchRequest.of("file:///etc/passwd")).reason()).isEqualTo(FetchException.Reason.BAD_URL);
    assertThat(failure(FetchRequest.of("gopher://x/")).reason()).isEqualTo(FetchException.Reason.BAD_URL);
  }

  @Test
  void abortsFiftyMegabyteBodyWithoutContentLength() {
    byte[] chunk = new byte[64 * 1024];
    server.on("/huge", ex -> {
      ex.getResponseHeaders().set("Content-Type", "application/xml");
      ex.sendResponseHeaders(200, 0); // chunked: no length announced
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 50 * 16; i++) {
          out.write(chunk);
        }
      }
    });
    FetchException e = failure(local("/huge"));
    assertThat(e.reason()).isEqualTo(FetchException.Reason.TOO_LARGE);
  }

  @Test
  void refusesAnnouncedFiftyMegabyteBodyUpFront() {
    server.on("/huge", ex -> {
      ex.getResponseHeaders().set("Content-Type", "application/xml");
      ex.sendResponseHeaders(200, 50L * 1024 * 1024);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(new byte[1024]);
      }
    });
    FetchException e = failure(local("/huge"));
    assertThat(e.reason()).isEqualTo(FetchException.Reason.TOO_LARGE);
    assertThat(e.getMessage()).contains("Content-Length");
  }

  @Test
  void abortsSlowDrip() {
    server.on("/drip", ex -> {
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 100; i++) {
          out.write('<');
          out.flush();
          Thread.sleep(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    long t0 = System.nanoTime();
    FetchException e = failure(local("/drip"));
    assertThat(e.reason()).isEqualTo(FetchException.Reason.TOO_SLOW);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void timesOutWhenServerSendsNothing() {
    server.on("/silent", ex -> {
      try {
        Thread.sleep(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    FetchException e = failure(local("/silent"));
    assertThat(e.reason()).isEqualTo(FetchException.Reason.TIMEOUT);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void abortsGzipBomb() throws Exception {
    byte[] bomb = gzipZeros(200L * 1024 * 1024);
    assertThat(bomb.length).isLessThan(1024 * 1024);
    server.on("/bomb", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      LoopbackServer.respond(ex, 200, "application/rss+xml", bomb);
    });
    FetchException e = failure(local("/bomb"));
    assertThat(e.reason()).isEqualTo(FetchException.Reason.DECOMPRESSION_BOMB);
  }

  @Test
  void reportsCorruptGzip() {
    server.on("/bad", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      LoopbackServer.respond(ex, 200, "application/rss+xml", HELLO);
    });
    assertThat(failure(local("/bad")).reason()).isEqualTo(FetchException.Reason.BAD_ENCODING);
  }

  static byte[] gzip(byte[] data, int times) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < times; i++) {
        gz.write(data);
      }
    }
    return bytes.toByteArray();
  }

  static byte[] gzipZeros(long size) throws IOException {
    byte[] zeros = new byte[1024 * 1024];
    return gzip(zeros, (int) (size / zeros.length));
  }
}
