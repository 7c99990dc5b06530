package org.watchfloor.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalElasticsearchIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesSearchesKeepsDataAcrossRestartAndLeavesNothingBehind() throws Exception {
    Path baseDir;
    long pid;
    try (LocalElasticsearch es = LocalElasticsearch.start()) {
      baseDir = es.baseDir();
      assertThat(es.url()).isEqualTo("http://127.0.0.1:" + es.port());
      assertThat(es.pid()).isPresent();
      assertThat(get(es.url() + "/_cluster/health").body()).containsPattern("\"status\":\"(green|yellow)\"");

      HttpResponse<String> indexed = send("PUT", es.url() + "/articles/_doc/a1?refresh=true",
          "{\"title\":\"Talks resume at the border village\"}");
      assertThat(indexed.statusCode()).isEqualTo(201);
      assertThat(send("POST", es.url() + "/articles/_search", "{\"query\":{\"match\":{\"title\":\"talks\"}}}").body())
          .contains("\"_id\":\"a1\"");

      long firstPid = es.pid().getAsLong();
      es.stop();
      assertThat(es.isRunning()).isFalse();
      assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

      es.restart();
      assertThat(es.isRunning()).isTrue();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(get(es.url() + "/articles/_doc/a1").body()).contains("border village"));
      pid = es.pid().getAsLong();
    }
    assertThat(Files.exists(baseDir)).isFalse();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String url, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
