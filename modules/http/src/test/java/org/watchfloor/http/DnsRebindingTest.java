package org.watchfloor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding: the resolver answers a public address first and a private one afterwards. The fetcher resolves once
 * per hop, checks that answer and connects to exactly that address, so the private host never sees a request; a hop
 * that resolves to the private address is refused. Here 127.0.0.1 plays the public host and 127.0.0.2 the private
 * one (both on loopback, so the test needs no network), each with its own server on the same port.
 */
class DnsRebindingTest {
  private static final InetAddress PUBLIC = address("127.0.0.1");
  private static final InetAddress PRIVATE = address("127.0.0.2");
  private static final FetchLimits LIMITS = FetchLimits.DEFAULTS
      .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));

  private final LoopbackServer publicServer = new LoopbackServer(4);
  private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
  private final AtomicInteger privateHits = new AtomicInteger();
  private HttpServer privateServer;

  @TempDir
  Path dir;

  private static InetAddress address(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers PUBLIC to the first lookup and PRIVATE to every later one, counting lookups. */
  private static final class RebindingResolver implements HostResolver {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public InetAddress[] resolve(String host) {
      return new InetAddress[] {calls.getAndIncrement() == 0 ? PUBLIC : PRIVATE};
    }
  }

  private static boolean isPrivateHere(InetAddress a) {
    return a.equals(PRIVATE);
  }

  @BeforeEach
  void servers() throws IOException {
    publicServer.on("/feed", ex -> {
      hostHeaders.add(ex.getRequestHeaders().getFirst("Host"));
      LoopbackServer.respond(ex, 200, "application/rss+xml", "<rss>public</rss>".getBytes(StandardCharsets.UTF_8));
    });
    publicServer.on("/hop", ex -> LoopbackServer.redirect(ex, 302, "/feed"));
    privateServer = HttpServer.create(new InetSocketAddress(PRIVATE, publicServer.port()), 16);
    privateServer.createContext("/", ex -> {
      privateHits.incrementAndGet();
      byte[] body = "<rss>internal secrets</rss>".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    privateServer.start();
  }

  @AfterEach
  void stop() {
    publicServer.close();
    privateServer.stop(0);
  }

  private String url(String host, String path) {
    return "http://" + host + ":" + publicServer.port() + path;
  }

  @Test
  void connectsToTheAddressItCheckedThoughLaterAnswersArePrivate() throws Exception {
    RebindingResolver resolver = new RebindingResolver();
    SafeHttpFetcher fetcher = new SafeHttpFetcher(LIMITS, DnsRebindingTest::isPrivateHere, resolver,
        (SSLSocketFactory) SSLSocketFactory.getDefault());
    FetchResult r = fetcher.fetch(FetchRequest.of(url("news.rebind.test", "/feed")));
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<rss>public</rss>");
    assertThat(resolver.calls.get()).as("one lookup for one hop").isEqualTo(1);
    assertThat(privateHits.get()).as("requests that reached the private host").isZero();
    assertThat(hostHeaders).containsExactly("news.rebind.test:" + publicServer.port());
  }

  @Test
  void checksAndPinsEveryRedirectHopOnItsOwn() {
    RebindingResolver resolver = new RebindingResolver();
    SafeHttpFetcher fetcher = new SafeHttpFetcher(LIMITS, DnsRebindingTest::isPrivateHere, resolver,
        (SSLSocketFactory) SSLSocketFactory.getDefault());
    // The first hop resolves to the public address; the redirect's hop, resolved again, gets the private one.
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(url("news.rebind.test", "/hop"))))
        .isInstanceOfSatisfying(FetchException.class,
            e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.PRIVATE_ADDRESS))
        .hasMessageContaining("127.0.0.2");
    assertThat(resolver.calls.get()).isEqualTo(2);
    assertThat(privateHits.get()).isZero();
  }

  @Test
  void refusesAnAnswerThatHoldsAnyPrivateAddress() {
    HostResolver both = host -> new InetAddress[] {PUBLIC, PRIVATE};
    SafeHttpFetcher fetcher = new SafeHttpFetcher(LIMITS, DnsRebindingTest::isPrivateHere, both,
        (SSLSocketFactory) SSLSocketFactory.getDefault());
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(url("news.rebind.test", "/feed"))))
        .isInstanceOfSatisfying(FetchException.class,
            e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.PRIVATE_ADDRESS));
    assertThat(privateHits.get()).isZero();
    assertThat(hostHeaders).isEmpty();
  }

  @Test
  void httpsKeepsTheHostNameForSniAndTheCertificateCheckWhileConnectingToTheCheckedAddress() throws Exception {
    char[] pass = "changeit".toCharArray();
    Path keystore = dir.resolve("rebind.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "rebind", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=news.rebind.test",
        "-ext", "SAN=dns:news.rebind.test", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    String keytoolOut;
    try (InputStream out = keytool.getInputStream()) {
      keytoolOut = new String(out.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(keytoolOut).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
      ks.load(in, pass);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pass);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    SSLContext clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, tmf.getTrustManagers(), null);

    HttpsServer https = HttpsServer.create(new InetSocketAddress(PUBLIC, 0), 16);
    https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    List<String> hosts = new CopyOnWriteArrayList<>();
    https.createContext("/feed", ex -> {
      hosts.add(ex.getRequestHeaders().getFirst("Host"));
      byte[] body = "<rss>tls</rss>".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    https.start();
    try {
      int port = https.getAddress().getPort();
      RebindingResolver resolver = new RebindingResolver();
      SafeHttpFetcher fetcher = new SafeHttpFetcher(LIMITS, DnsRebindingTest::isPrivateHere, resolver,
          clientTls.getSocketFactory());
      FetchResult r = fetcher.fetch(FetchRequest.of("https://news.rebind.test:" + port + "/feed"));
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<rss>tls</rss>");
      assertThat(hosts).containsExactly("news.rebind.test:" + port);

      // The certificate is checked against the URL's host, not the address: another name on it is refused.
      SafeHttpFetcher other = new SafeHttpFetcher(LIMITS, DnsRebindingTest::isPrivateHere, host -> new InetAddress[] {
          PUBLIC}, clientTls.getSocketFactory());
      assertThatThrownBy(() -> other.fetch(FetchRequest.of("https://other.rebind.test:" + port + "/feed")))
          .isInstanceOfSatisfying(FetchException.class,
              e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.IO_ERROR))
          .hasMessageContaining("TLS failed");
      assertThat(hosts).hasSize(1);
    } finally {
      https.stop(0);
    }
  }
}
