package org.watchfloor.indexer.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Json;

/**
 * Maps an {@link Alert} to its document, and a delivery outcome to the partial update that records it on the alert's
 * document (under {@code delivery.<channel>}).
 */
public final class AlertDocuments {
  private AlertDocuments() {}

  public static Map<String, Object> toDocument(Alert a, Instant ingested) {
    Objects.requireNonNull(a, "alert");
    Map<String, Object> doc = new LinkedHashMap<>();
    Instant ts = a.firedAt() != null ? a.firedAt() : a.windowEnd() != null ? a.windowEnd() : ingested;
    doc.put("@timestamp", ts.toString());
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("kind", "alert");
    event.put("dataset", "watchfloor.alerts");
    ArticleDocuments.put(event, "ingested", ingested);
    doc.put("event", event);
    doc.put("alert_id", a.id());
    Map<String, Object> rule = new LinkedHashMap<>();
    ArticleDocuments.put(rule, "id", a.ruleId());
    ArticleDocuments.put(rule, "name", a.ruleName());
    ArticleDocuments.put(rule, "category", a.ruleType());
    doc.put("rule", rule);
    ArticleDocuments.put(doc, "key", a.key());
    ArticleDocuments.put(doc, "level", a.level() == null ? null : a.level().name());
    ArticleDocuments.put(doc, "title", a.title());
    ArticleDocuments.put(doc, "message", a.message());
    doc.put("article_ids", a.articleIds());
    doc.put("actor_ids", a.actors());
    doc.put("count", a.count());
    Map<String, Object> window = new LinkedHashMap<>();
    ArticleDocuments.put(window, "start", a.windowStart());
    ArticleDocuments.put(window, "end", a.windowEnd());
    doc.put("window", window);
    doc.put("channels", a.channels());
    return doc;
  }

  /**
   * The partial document recording one delivery outcome: {@code {"delivery": {"<channel>": {...}}, "delivery_status":
   * "<status>"}}. The outcome is any JSON object; {@code channel} and {@code status} are read when present.
   *
   * @throws IllegalArgumentException when the payload is not a JSON object
   */
  public static Map<String, Object> deliveryUpdate(byte[] payload) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(payload);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("delivery outcome is not valid JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("delivery outcome is not a JSON object");
    }
    ObjectNode outcome = (ObjectNode) node;
    String channel = text(outcome, "channel", "default");
    Map<String, Object> update = new LinkedHashMap<>();
    Map<String, Object> delivery = new LinkedHashMap<>();
    delivery.put(channel, Json.MAPPER.convertValue(outcome, Map.class));
    update.put("delivery", delivery);
    String status = text(outcome, "status", null);
    if (status != null) {
      update.put("delivery_status", status);
    }
    return update;
  }

  /** The alert id a delivery outcome refers to: the record key, else its {@code alert_id} field. */
  public static String deliveryAlertId(byte[] key, byte[] payload) {
    if (key != null && key.length > 0) {
      return new String(key, java.nio.charset.StandardCharsets.UTF_8);
    }
    try {
      JsonNode node = Json.MAPPER.readTree(payload);
      String id = node == null ? null : text(node, "alert_id", null);
      if (id != null) {
        return id;
      }
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("delivery outcome is not valid JSON: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("delivery outcome has neither a key nor an alert_id");
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? fallback : v.asText();
  }
}
