package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  @BeforeAll
  static void startPipeline() {
    Settings settings = Settings.load(Path.of("../../config"))
        .with("feeds.sources.enabled", "false")
        .with("enricher.state.dir", System.getProperty("java.io.tmpdir") + "/watchfloor-it-" + ProcessHandle.current().pid());
    pipeline = Pipeline.start(new Pipeline.Options(settings, null, null, true));
  }

  @AfterAll
  static void stopPipeline() {
    if (pipeline != null) {
      pipeline.close();
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
    int expected = pipeline.sample().articles().size();
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
