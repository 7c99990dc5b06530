package org.watchfloor.alerting.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.alerting.rules.AlertIds;
import org.watchfloor.alerting.rules.RuleEngine;
import org.watchfloor.alerting.rules.RuleLoader;
import org.watchfloor.alerting.rules.RuleSet;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.TensionLevel;

class ElasticsearchReplayIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static String url;

  @BeforeAll
  static void index() throws Exception {
    url = SharedStack.get().elasticsearch().url();
    call("PUT", "/watchfloor-articles-replay-it", "{\"aliases\":{\"watchfloor-articles\":{}}}");
    // documents as the indexer writes them (ArticleDocuments): fetch time in event.created
    put("old", NOW.minus(Duration.ofDays(10)), "PRK", 90);
    put("p1", NOW.minus(Duration.ofHours(3)), "PRK", 85);
    put("k1", NOW.minus(Duration.ofHours(2)), "KOR", 90);
    put("p2", NOW.minus(Duration.ofHours(1)), "PRK", 30);
    put("p3", NOW.minus(Duration.ofMinutes(30)), "PRK", 70);
    call("POST", "/watchfloor-articles/_refresh", null);
  }

  private static void put(String id, Instant fetched, String actor, double score) throws Exception {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("@timestamp", fetched.toString());
    doc.put("event", Map.of("kind", "event", "created", fetched.toString()));
    doc.put("article_id", id);
    doc.put("url", Map.of("full", "https://example.org/" + id, "domain", "example.org"));
    doc.put("title", "Article " + id);
    doc.put("text", "Text of " + id);
    doc.put("source", "yonhap");
    doc.put("language", "en");
    doc.put("actors", List.of(Map.of("id", actor, "name", actor, "type", "STATE", "count", 2)));
    doc.put("actor_ids", List.of(actor));
    doc.put("topics", List.of("military"));
    doc.put("topic_scores", List.of(Map.of("id", "military", "score", 0.7)));
    doc.put("tension", Map.of("score", score, "level", TensionLevel.of(score).name(), "goldstein_mean", -5.0));
    doc.put("dyads", List.of(Map.of("source", actor, "target", "USA", "event_class", "THREATEN", "goldstein", -7.0,
        "key", actor + ">USA")));
    doc.put("fingerprint", "1f");
    call("PUT", "/watchfloor-articles-replay-it/_doc/" + id, Json.writeString(doc));
  }

  private static String call(String method, String path, String body) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
    return r.body();
  }

  @Test
  void readsArticlesBackInFetchOrderSinceTheGivenTime() throws Exception {
    List<EnrichedArticle> read = new ArrayList<>();
    long n = new ElasticsearchHistory(url, null).forEach(NOW.minus(Duration.ofDays(7)), read::add);
    assertThat(n).isEqualTo(4);
    assertThat(read).extracting(EnrichedArticle::id).containsExactly("p1", "k1", "p2", "p3");
    EnrichedArticle p1 = read.get(0);
    assertThat(p1.actors()).singleElement().satisfies(a -> assertThat(a.id()).isEqualTo("PRK"));
    assertThat(p1.tension().level()).isEqualTo(TensionLevel.SEVERE);
    assertThat(p1.dyads()).singleElement().satisfies(d -> assertThat(d.target()).isEqualTo("USA"));
    assertThat(p1.topics()).singleElement().satisfies(t -> assertThat(t.score()).isEqualTo(0.7));
    assertThat(p1.article().fetchedAt()).isEqualTo(NOW.minus(Duration.ofHours(3)));
    assertThat(p1.article().url()).isEqualTo("https://example.org/p1");
  }

  @Test
  void replayPrintsWhatTheRulesWouldHaveFired() throws Exception {
    RuleSet set = new RuleLoader(Map.of()).parse("""
        rules:
          - {id: prk-high, type: match, filter: {actors: [PRK], min_level: HIGH}}
          - {id: prk-freq, type: frequency, window: 6h, threshold: 3, filter: {actors: [PRK]}}
        """, "replay");
    RuleReplay replay = new RuleReplay(RuleEngine.of(set));
    new ElasticsearchHistory(url, null).forEach(NOW.minus(Duration.ofDays(7)), replay::accept);
    List<Alert> alerts = replay.finish(NOW);
    assertThat(replay.articles()).isEqualTo(4);
    assertThat(alerts).extracting(Alert::id).containsExactly(
        AlertIds.of("prk-high", "*", "p1"), AlertIds.of("prk-high", "*", "p3"), AlertIds.of("prk-freq", "*", "p3"));
  }
}
