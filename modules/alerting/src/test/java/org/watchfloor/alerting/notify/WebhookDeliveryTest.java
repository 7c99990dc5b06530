package org.watchfloor.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.watchfloor.http.PinnedHttpClient;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Json;
import org.watchfloor.model.TensionLevel;

class WebhookDeliveryTest {
  private final Receiver receiver = new Receiver();
  private final PinnedHttpClient http = PinnedHttpClient.of(true, Duration.ofSeconds(5));
  private final RetryingSender sender =
      new RetryingSender(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50)), () -> false);

  @AfterEach
  void stop() {
    receiver.close();
  }

  static Alert alert(String id) {
    Instant t = Instant.parse("2026-11-20T00:00:00Z");
    return new Alert(Alert.VERSION, id, "prk", "PRK high", "match", "PRK", TensionLevel.HIGH,
        "PRK high: missile launch", "Missile launched toward the East Sea", List.of("a1"), List.of("PRK"), 1, t, t, t,
        List.of("hook"));
  }

  private Channel webhook(String path, String secret) {
    return new Channel("hook", "webhook", new WebhookNotifier(http, receiver.url(path), secret),
        null);
  }

  @Test
  void signsBodyWithHmacAndSendsIdempotencyKeyInHeaderAndBody() throws Exception {
    RetryingSender.Outcome out = sender.send(webhook("/hook", "s3cret"), alert("id-1"));
    assertThat(out.delivered()).isTrue();
    assertThat(out.attempts()).isEqualTo(1);
    Receiver.Request req = receiver.accepted().get(0);
    assertThat(req.header("Idempotency-Key")).isEqualTo("id-1");
    assertThat(req.header("Content-Type")).isEqualTo("application/json");
    assertThat(req.header("X-Watchfloor-Signature"))
        .isEqualTo("sha256=" + WebhookNotifier.hmacSha256("s3cret", req.body()))
        .isNotEqualTo("sha256=" + WebhookNotifier.hmacSha256("other", req.body()));
    @SuppressWarnings("unchecked")
    Map<String, Object> body = Json.MAPPER.readValue(req.body(), Map.class);
    assertThat(body).containsEntry("id", "id-1").containsEntry("idempotency_key", "id-1")
        .containsEntry("text", "Missile launched toward the East Sea").containsEntry("level", "HIGH");
  }

  @Test
  void retriesServerErrorsWithBackoffUntilAccepted() {
    receiver.answer("/flaky", n -> n <= 2 ? 503 : 200);
    RetryingSender.Outcome out = sender.send(webhook("/flaky", "k"), alert("id-2"));
    assertThat(out.delivered()).isTrue();
    assertThat(out.attempts()).isEqualTo(3);
    assertThat(receiver.calls("/flaky")).isEqualTo(3);
  }

  @Test
  void givesUpAtOnceOnClientErrorAndAfterMaxAttemptsOnServerError() {
    receiver.answer("/reject", n -> 400).answer("/down", n -> 500);
    RetryingSender.Outcome rejected = sender.send(webhook("/reject", "k"), alert("id-3"));
    assertThat(rejected.delivered()).isFalse();
    assertThat(rejected.attempts()).isEqualTo(1);
    assertThat(rejected.error()).contains("answered 400");
    RetryingSender.Outcome down = sender.send(webhook("/down", "k"), alert("id-4"));
    assertThat(down.attempts()).isEqualTo(4);
    assertThat(receiver.calls("/down")).isEqualTo(4);
  }

  @Test
  void retriesWhenNobodyListens() {
    Channel dead = new Channel("hook", "webhook",
        new WebhookNotifier(http, "http://127.0.0.1:1/none", "k"), null);
    RetryingSender.Outcome out = sender.send(dead, alert("id-5"));
    assertThat(out.delivered()).isFalse();
    assertThat(out.attempts()).isEqualTo(4);
  }

  @Test
  void postsSlackCompatibleTextRenderedFromChannelTemplate() throws Exception {
    Channel slack = new Channel("slack", "slack", new SlackNotifier(http, receiver.url("/slack")),
        "*{{title}}* ({{level}})\n{{message}}");
    assertThat(sender.send(slack, alert("id-6")).delivered()).isTrue();
    Receiver.Request req = receiver.accepted().get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> body = Json.MAPPER.readValue(req.body(), Map.class);
    assertThat(body).containsOnlyKeys("text");
    assertThat(body.get("text")).isEqualTo("*PRK high: missile launch* (HIGH)\nMissile launched toward the East Sea");
    assertThat(new String(req.body(), StandardCharsets.UTF_8)).doesNotContain("idempotency_key");
  }
}
