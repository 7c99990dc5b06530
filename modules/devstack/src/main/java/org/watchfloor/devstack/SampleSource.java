package org.watchfloor.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's local news site: an HTTP server on a free loopback port serving an RSS 2.0, an Atom 1.0 and an RSS 1.0
 * (RDF) feed, one realistic HTML page per article, and {@code /robots.txt}. Feeds answer conditional requests
 * ({@code If-None-Match}, {@code If-Modified-Since}) with 304.
 *
 * <pre>{@code
 * try (SampleSource site = SampleSource.start()) {
 *   poll(site.rssUrl());
 * }
 * }</pre>
 */
public final class SampleSource implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SampleSource.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final String baseUrl;
  private final List<SampleArticle> articles;
  private final Map<String, Resource> resources = new HashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  /** A prepared response body with its validators. */
  private record Resource(String contentType, byte[] body, String etag, Instant lastModified, boolean conditional) {}

  private SampleSource(HttpServer server, ExecutorService executor, List<SampleArticle> articles) {
    this.server = server;
    this.executor = executor;
    this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    this.articles = articles;
    render();
  }

  /** Starts the site on a free loopback port, with article dates relative to now. */
  public static SampleSource start() {
    return start(Clock.systemUTC());
  }

  /** Starts the site with article dates relative to the given clock's now. */
  public static SampleSource start(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    List<SampleArticle> articles = SampleArticles.load(clock.instant());
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the sample site to a loopback port", e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "watchfloor-sample-site");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    SampleSource source = new SampleSource(server, executor, articles);
    server.createContext("/", source::handle);
    server.start();
    LOG.info("Sample news site serving {} articles at {}", articles.size(), source.baseUrl);
    return source;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String rssUrl() {
    return feedUrl(SampleFeed.RSS);
  }

  public String atomUrl() {
    return feedUrl(SampleFeed.ATOM);
  }

  public String rdfUrl() {
    return feedUrl(SampleFeed.RDF);
  }

  public String feedUrl(SampleFeed feed) {
    return baseUrl + feed.path();
  }

  /** The page URL of an article. */
  public String articleUrl(SampleArticle article) {
    return baseUrl + article.path();
  }

  /** Every article, newest first. */
  public List<SampleArticle> articles() {
    return articles;
  }

  /** The articles one feed lists, newest first. */
  public List<SampleArticle> articles(SampleFeed feed) {
    return articles.stream().filter(a -> a.feed() == feed).collect(Collectors.toUnmodifiableList());
  }

  /** Requests answered so far, 304s and 404s included. */
  public int requestCount() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    LOG.info("Sample news site at {} stopped after {} requests", baseUrl, requests.get());
  }

  private void render() {
    SampleSiteRenderer renderer = new SampleSiteRenderer(baseUrl);
    Map<SampleFeed, List<SampleArticle>> byFeed = new EnumMap<>(SampleFeed.class);
    for (SampleFeed feed : SampleFeed.values()) {
      byFeed.put(feed, articles(feed));
    }
    for (SampleFeed feed : SampleFeed.values()) {
      List<SampleArticle> items = byFeed.get(feed);
      Instant updated = items.isEmpty() ? Instant.EPOCH : items.get(0).published();
      String xml;
      switch (feed) {
        case RSS: xml = renderer.rss(items, updated); break;
        case ATOM: xml = renderer.atom(items, updated); break;
        default: xml = renderer.rdf(items, updated); break;
      }
      put(feed.path(), feed.contentType() + "; charset=utf-8", xml, updated, true);
    }
    for (SampleArticle a : articles) {
      List<SampleArticle> related = articles.stream()
          .filter(o -> o != a && o.region().equals(a.region())).limit(4).collect(Collectors.toList());
      List<SampleArticle> latest = articles.stream().filter(o -> o != a).limit(5).collect(Collectors.toList());
      put(a.path(), "text/html; charset=utf-8", renderer.article(a, related, latest), a.published(), false);
    }
    put("/", "text/html; charset=utf-8", renderer.index(articles), articles.get(0).published(), false);
    put("/robots.txt", "text/plain; charset=utf-8", "User-agent: *\nAllow: /\n", Instant.EPOCH, false);
  }

  private void put(String path, String contentType, String body, Instant lastModified, boolean conditional) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    resources.put(path, new Resource(contentType, bytes, etag(bytes), lastModified, conditional));
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      String method = exchange.getRequestMethod();
      boolean head = "HEAD".equals(method);
      if (!head && !"GET".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Resource resource = resources.get(exchange.getRequestURI().getPath());
      if (resource == null) {
        byte[] body = "<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>"
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        send(exchange, 404, body, head);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", resource.contentType());
      if (resource.conditional()) {
        exchange.getResponseHeaders().set("ETag", resource.etag());
        exchange.getResponseHeaders().set("Last-Modified", SampleSiteRenderer.httpDate(resource.lastModified()));
        exchange.getResponseHeaders().set("Cache-Control", "max-age=0, must-revalidate");
        if (notModified(exchange, resource)) {
          exchange.sendResponseHeaders(304, -1);
          return;
        }
      }
      send(exchange, 200, resource.body(), head);
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
    if (head) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static boolean notModified(HttpExchange exchange, Resource resource) {
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    if (ifNoneMatch != null) {
      // If-None-Match wins over If-Modified-Since (RFC 9110, 13.1.3)
      for (String tag : ifNoneMatch.split(",")) {
        String t = tag.trim();
        if (t.equals("*") || t.equals(resource.etag()) || t.equals("W/" + resource.etag())) {
          return true;
        }
      }
      return false;
    }
    String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
    if (ifModifiedSince != null) {
      try {
        Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return !resource.lastModified().isAfter(since);
      } catch (DateTimeParseException e) {
        LOG.debug("Ignoring unparseable If-Modified-Since '{}'", ifModifiedSince);
      }
    }
    return false;
  }

  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Summarises the site for logs and the launcher's banner. */
  @Override
  public String toString() {
    List<String> feeds = new ArrayList<>();
    for (SampleFeed feed : SampleFeed.values()) {
      feeds.add(feedUrl(feed));
    }
    return "SampleSource" + feeds + " (" + articles.size() + " articles)";
  }
}
