package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.app.run.Pipeline;
import org.watchfloor.app.run.PipelineStatus;
import org.watchfloor.model.Json;
import org.watchfloor.model.config.Settings;

/**
 * The walking skeleton end to end, exactly as {@code watchfloor up --demo} runs it: embedded broker and Elasticsearch
 * node, the sample site, every stage; the articles must become searchable with their enrichment.
 */
class PipelineIT {
  private static Pipeline pipeline;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpServer receiver;
  private static final List<String> WEBHOOK_BODIES = new CopyOnWriteArrayList<>();
  private static final List<String> IDEMPOTENCY_KEYS = new CopyOnWriteArrayList<>();
  private static final List<String> SIGNATURES = new CopyOnWriteArrayList<>();
  private static Path configDir;

  /** A copy of config/ whose alert rules send every article naming North Korea to a webhook on loopback. */
  private static Path configWithWebhook() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", exchange -> {
      WEBHOOK_BODIES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      IDEMPOTENCY_KEYS.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      SIGNATURES.add(exchange.getRequestHeaders().getFirst("X-Watchfloor-Signature"));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    Path dir = Files.createTempDirectory("watchfloor-it-config-");
    configDir = dir;
    try (var files = Files.list(Path.of("../../config"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Files.writeString(dir.resolve("alert-rules.yaml"), """
        channels:
          desk-webhook:
            type: webhook
            url: http://127.0.0.1:%d/hook
            secret: it-secret
        rules:
          - id: prk-any
            name: Any article naming North Korea
            type: match
            filter:
              actors: [PRK]
            channels: [desk-webhook]
        """.formatted(receiver.getAddress().getPort()));
    return dir;
  }

  @BeforeAll
  static void startPipeline() throws IOException {
    Settings settings = Settings.load(configWithWebhook())
        .with("feeds.sources.enabled", "false")
        .with("alerting.notify.allow.private", "true")
        .with("enricher.state.dir", System.getProperty("java.io.tmpdir") + "/watchfloor-it-" + ProcessHandle.current().pid());
    pipeline = Pipeline.start(new Pipeline.Options(settings, null, null, true));
  }

  @AfterAll
  static void stopPipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
    if (configDir != null) {
      try (var files = Files.walk(configDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static String hmac(String body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("it-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aWebhookRuleInTheConfigFolderDeliversEachAlertOnceWhileThePipelineRuns() throws Exception {
    long naming = pipeline.localStack().sample().articles().stream().filter(a -> a.actors().contains("PRK")).count();
    assertThat(naming).isGreaterThanOrEqualTo(3);
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(IDEMPOTENCY_KEYS).hasSizeGreaterThanOrEqualTo(3));
    assertThat(IDEMPOTENCY_KEYS).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(WEBHOOK_BODIES).allSatisfy(body -> assertThat(body).contains("prk-any", "PRK"));
    for (int i = 0; i < WEBHOOK_BODIES.size(); i++) {
      assertThat(SIGNATURES.get(i)).as("signature of delivery %d", i).isEqualTo(hmac(WEBHOOK_BODIES.get(i)));
    }
  }

  private static JsonNode search(String query) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(pipeline.elasticsearchUrl() + "/watchfloor-articles/_search"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(query)).build();
    HttpResponse<byte[]> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(resp.statusCode()).as("search answered %s", new String(resp.body())).isEqualTo(200);
    return Json.MAPPER.readTree(resp.body());
  }

  private static long count(String query) throws Exception {
    return search(query).path("hits").path("total").path("value").asLong();
  }

  @Test
  void everySampleArticleBecomesSearchableWithActorsTopicsAndTension() throws Exception {
    int expected = pipeline.localStack().sample().articles().size();
    assertThat(expected).isGreaterThanOrEqualTo(30);
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.elasticsearchUrl() + "/watchfloor-articles/_refresh"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
      assertThat(count("{\"query\":{\"match_all\":{}},\"track_total_hits\":true}")).isEqualTo(expected);
    });

    // Korean-peninsula stories carry North Korea as a normalised actor.
    assertThat(count("{\"query\":{\"term\":{\"actors.id\":\"PRK\"}}}")).isGreaterThanOrEqualTo(3);
    // Every article has a tension score and level, and some are at least HIGH.
    assertThat(count("{\"query\":{\"exists\":{\"field\":\"tension.score\"}}}")).isEqualTo(expected);
    assertThat(count("{\"query\":{\"terms\":{\"tension.level\":[\"HIGH\",\"SEVERE\"]}}}")).isGreaterThanOrEqualTo(1);
    assertThat(count("{\"query\":{\"terms\":{\"tension.level\":[\"LOW\",\"GUARDED\"]}}}")).isGreaterThanOrEqualTo(1);
    // Topics are there and full-text search finds words of the body.
    assertThat(count("{\"query\":{\"exists\":{\"field\":\"topics\"}}}")).isGreaterThanOrEqualTo(expected - 2);
    assertThat(count("{\"query\":{\"match\":{\"text\":\"missile\"}}}")).isGreaterThanOrEqualTo(1);

    PipelineStatus status = pipeline.status();
    assertThat(status.fetched()).isGreaterThanOrEqualTo(expected);
    assertThat(status.enriched()).isGreaterThanOrEqualTo(expected);
    assertThat(status.indexed()).isGreaterThanOrEqualTo(expected);
    assertThat(status.deadLetters()).isZero();
    List<String> titles = new ArrayList<>();
    search("{\"query\":{\"term\":{\"tension.level\":\"LOW\"}},\"size\":3}").path("hits").path("hits")
        .forEach(h -> titles.add(h.path("_source").path("title").asText()));
    assertThat(titles).allSatisfy(t -> assertThat(t).isNotBlank());
  }
}
