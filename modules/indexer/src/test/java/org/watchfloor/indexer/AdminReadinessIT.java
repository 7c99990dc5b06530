package org.watchfloor.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.admin.AdminServer;

/** A real indexer behind the admin port: not ready until its consumer group assigns it, then ready with metrics. */
class AdminReadinessIT {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theIndexerIsReadyOnceItsConsumerIsAssignedAndItsMetricsAreServed() throws Exception {
    DevStack stack = ItSupport.stack();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Stage stage = IndexerApp.create(ItSupport.context(stack, "it-admin-" + ItSupport.runId(), registry));
    try (AdminServer admin = AdminServer.start("127.0.0.1", 0, registry, () -> List.of(stage))) {
      assertThat(get(admin.url() + "/health").statusCode()).as("before the start").isEqualTo(503);
      stage.start();
      try {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          HttpResponse<String> health = get(admin.url() + "/health");
          assertThat(health.statusCode()).isEqualTo(200);
          assertThat(health.body()).contains("\"indexer\":\"ready\"");
        });
        String metrics = get(admin.url() + "/metrics").body();
        // the consumer's own metrics, bound to the stage's registry: records in and lag
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_consumed_total")
            .contains("kafka_consumer_fetch_manager_records_lag_max")
            .contains("watchfloor_processing_latency_seconds_count{stage=\"indexer\"}");
      } finally {
        stage.close();
      }
      assertThat(get(admin.url() + "/health/live").statusCode()).isEqualTo(200);
    }
  }
}
