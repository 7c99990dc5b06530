package org.watchfloor.indexer.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Aggregate;
import org.watchfloor.model.Alert;
import org.watchfloor.model.TensionLevel;

class AlertDocumentsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

  @Test
  @SuppressWarnings("unchecked")
  void mapsAlertWithRuleAndWindow() {
    Alert a = new Alert(Alert.VERSION, "al-1", "r1", "Missile surge", "threshold", "PRK", TensionLevel.SEVERE,
        "Surge", "5 articles", List.of("a1", "a2"), List.of("PRK"), 5, NOW.minusSeconds(3600), NOW, NOW,
        List.of("slack"));

    Map<String, Object> doc = AlertDocuments.toDocument(a, NOW);

    assertThat(doc).containsEntry("@timestamp", NOW.toString()).containsEntry("alert_id", "al-1")
        .containsEntry("level", "SEVERE").containsEntry("count", 5L);
    assertThat((Map<String, Object>) doc.get("rule")).containsEntry("id", "r1").containsEntry("category", "threshold");
    assertThat((Map<String, Object>) doc.get("window")).containsEntry("start", "2026-11-23T05:00:00Z");
    assertThat(doc.get("actor_ids")).isEqualTo(List.of("PRK"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void deliveryOutcomeBecomesPerChannelPartialUpdate() {
    byte[] payload = "{\"alert_id\":\"al-1\",\"channel\":\"webhook\",\"status\":\"DELIVERED\",\"attempts\":2}"
        .getBytes(StandardCharsets.UTF_8);

    Map<String, Object> update = AlertDocuments.deliveryUpdate(payload);

    assertThat(update).containsEntry("delivery_status", "DELIVERED");
    Map<String, Object> webhook = (Map<String, Object>) ((Map<String, Object>) update.get("delivery")).get("webhook");
    assertThat(webhook).containsEntry("attempts", 2).containsEntry("status", "DELIVERED");
    assertThat(AlertDocuments.deliveryAlertId(null, payload)).isEqualTo("al-1");
    assertThat(AlertDocuments.deliveryAlertId("al-9".getBytes(StandardCharsets.UTF_8), payload)).isEqualTo("al-9");
  }

  @Test
  void deliveryOutcomeThatIsNotAnObjectIsRefused() {
    assertThatThrownBy(() -> AlertDocuments.deliveryUpdate("[1,2]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AlertDocuments.deliveryAlertId(null, "{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alert_id");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aggregateDocumentCarriesMeanTension() {
    Aggregate g = new Aggregate(Aggregate.VERSION, "actor", "PRK", NOW.minusSeconds(3600), NOW, 4, 200, 80);

    Map<String, Object> doc = AggregateDocuments.toDocument(g, NOW);

    assertThat(doc).containsEntry("@timestamp", "2026-11-23T05:00:00Z").containsEntry("key", "PRK");
    assertThat((Map<String, Object>) doc.get("tension")).containsEntry("mean", 50.0).containsEntry("max", 80.0);
  }
}
