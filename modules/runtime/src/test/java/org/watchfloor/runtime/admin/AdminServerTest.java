package org.watchfloor.runtime.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.watchfloor.runtime.Metrics;
import org.watchfloor.runtime.Stage;

class AdminServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  /** A stage whose readiness the test sets. */
  static final class FakeStage implements Stage {
    final AtomicBoolean ready = new AtomicBoolean();
    private final String name;

    FakeStage(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void start() {}

    @Override
    public boolean ready() {
      return ready.get();
    }

    @Override
    public void close() {}
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIsLiveAtOnceAndReadyOnlyWhenEveryStageIs() throws Exception {
    FakeStage indexer = new FakeStage("indexer");
    FakeStage enricher = new FakeStage("enricher");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (AdminServer admin = AdminServer.start("127.0.0.1", 0, registry, () -> List.of(indexer, enricher))) {
      assertThat(admin.url()).isEqualTo("http://127.0.0.1:" + admin.port());
      assertThat(get(admin.url() + "/health/live").statusCode()).isEqualTo(200);

      HttpResponse<String> starting = get(admin.url() + "/health");
      assertThat(starting.statusCode()).isEqualTo(503);
      assertThat(starting.body()).isEqualTo(
          "{\"live\":true,\"ready\":false,\"stages\":{\"enricher\":\"starting\",\"indexer\":\"starting\"}}\n");

      indexer.ready.set(true);
      assertThat(get(admin.url() + "/health/ready").statusCode()).isEqualTo(503);
      enricher.ready.set(true);
      HttpResponse<String> ready = get(admin.url() + "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"ready\":true", "\"indexer\":\"ready\"");
      assertThat(ready.headers().firstValue("Content-Type")).hasValue("application/json");
    }
  }

  @Test
  void noStagesYetIsNotReady() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (AdminServer admin = AdminServer.start("127.0.0.1", 0, registry, List::of)) {
      assertThat(get(admin.url() + "/health").statusCode()).isEqualTo(503);
      assertThat(get(admin.url() + "/nothing").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void metricsAreThePrometheusTextOfTheStagesRegistry() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.counter(Metrics.DEAD_LETTERS, "stage", "indexer").increment(3);
    registry.counter(Metrics.FETCH_ERRORS, "stage", "pages", "reason", "timeout").increment();
    try (AdminServer admin = AdminServer.start("127.0.0.1", 0, registry, List::of)) {
      HttpResponse<String> metrics = get(admin.url() + "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type")).hasValue(AdminServer.PROMETHEUS_TEXT);
      assertThat(metrics.body())
          .contains("# TYPE watchfloor_dead_letters_total counter")
          .contains("watchfloor_dead_letters_total{stage=\"indexer\"} 3.0")
          .contains("watchfloor_fetch_errors_total{reason=\"timeout\",stage=\"pages\"} 1.0");
    }
  }

  @Test
  void minusOneTurnsItOff() {
    assertThat(AdminServer.start("127.0.0.1", AdminServer.OFF,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List::of)).isNull();
  }
}
