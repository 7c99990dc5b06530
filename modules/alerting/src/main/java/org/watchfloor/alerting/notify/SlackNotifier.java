package org.watchfloor.alerting.notify;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.http.PinnedHttpClient;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Json;

/** Posts {@code {"text": ...}} to a Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat). */
public final class SlackNotifier implements Notifier {
  private final PinnedHttpClient client;
  private final String url;

  public SlackNotifier(PinnedHttpClient client, String url) {
    this.client = Objects.requireNonNull(client, "client");
    this.url = Objects.requireNonNull(url, "url");
  }

  /** With its own client: private addresses allowed or refused, and the timeout. */
  public SlackNotifier(String url, boolean allowPrivate, Duration timeout) {
    this(PinnedHttpClient.of(allowPrivate, timeout), url);
  }

  @Override
  public void send(Alert alert, String text) throws DeliveryException {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(WebhookNotifier.IDEMPOTENCY_HEADER, alert.id());
    HttpPost.post(client, headers, Json.write(Map.of("text", text)), url);
  }
}
