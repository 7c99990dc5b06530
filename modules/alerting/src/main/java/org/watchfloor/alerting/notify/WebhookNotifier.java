package org.watchfloor.alerting.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.watchfloor.http.PinnedHttpClient;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Json;

/**
 * Posts the alert as JSON (with {@code idempotency_key} and {@code text} added), signed with
 * {@code X-Watchfloor-Signature: sha256=<hex HMAC of the body>} and carrying the alert id as {@code Idempotency-Key}.
 */
public final class WebhookNotifier implements Notifier {
  public static final String SIGNATURE_HEADER = "X-Watchfloor-Signature";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final PinnedHttpClient client;
  private final String url;
  private final String secret;

  public WebhookNotifier(PinnedHttpClient client, String url, String secret) {
    this.client = Objects.requireNonNull(client, "client");
    this.url = Objects.requireNonNull(url, "url");
    this.secret = secret;
  }

  /** With its own client: private addresses allowed or refused, and the timeout. */
  public WebhookNotifier(String url, String secret, boolean allowPrivate, Duration timeout) {
    this(PinnedHttpClient.of(allowPrivate, timeout), url, secret);
  }

  @Override
  public void send(Alert alert, String text) throws DeliveryException {
    ObjectNode body = Json.MAPPER.valueToTree(alert);
    body.put("idempotency_key", alert.id());
    body.put("text", text);
    byte[] bytes = Json.write(body);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(IDEMPOTENCY_HEADER, alert.id());
    if (secret != null && !secret.isEmpty()) {
      headers.put(SIGNATURE_HEADER, "sha256=" + hmacSha256(secret, bytes));
    }
    HttpPost.post(client, headers, bytes, url);
  }

  /** Hex HMAC-SHA256 of {@code body} under {@code secret}, as receivers recompute it to check a signature. */
  public static String hmacSha256(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
