package org.watchfloor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void countsDeliveriesByIdempotencyKeyAndReportsRepeats() throws Exception {
    List<String> first = new ArrayList<>();
    try (WebhookReceiver receiver = WebhookReceiver.start()
        .onFirstDelivery((key, body) -> first.add(key + ":" + new String(body)))) {
      assertThat(post(receiver, "a", "one")).isEqualTo(200);
      assertThat(post(receiver, "b", "two")).isEqualTo(200);
      assertThat(post(receiver, "a", "one again")).isEqualTo(200);
      assertThat(receiver.uniqueKeys()).isEqualTo(2);
      assertThat(receiver.requests()).isEqualTo(3);
      assertThat(receiver.duplicatedKeys()).isEqualTo(1);
      assertThat(receiver.counts()).containsEntry("a", 2).containsEntry("b", 1);
      assertThat(first).containsExactly("a:one", "b:two");
    }
  }

  private int post(WebhookReceiver receiver, String key, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(receiver.url()))
        .header(WebhookReceiver.IDEMPOTENCY_HEADER, key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
