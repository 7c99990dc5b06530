package org.watchfloor.alerting.notify;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Json;

/** Posts {@code {"text": ...}} to a Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat). */
public final class SlackNotifier implements Notifier {
  private final HttpClient client;
  private final String url;
  private final Duration timeout;

  public SlackNotifier(HttpClient client, String url, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.url = Objects.requireNonNull(url, "url");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public void send(Alert alert, String text) throws DeliveryException {
    HttpRequest.Builder request = HttpRequest.newBuilder()
        .header("Content-Type", "application/json")
        .header(WebhookNotifier.IDEMPOTENCY_HEADER, alert.id())
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(Map.of("text", text))));
    HttpPost.post(client, request, url, timeout);
  }
}
