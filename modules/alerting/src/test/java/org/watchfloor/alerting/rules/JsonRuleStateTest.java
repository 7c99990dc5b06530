package org.watchfloor.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;

/** Every state record survives the JSON round trip the topology's state store puts it through. */
class JsonRuleStateTest {

  /** Rule state kept as JSON bytes, as the Kafka Streams store keeps it. */
  static final class JsonState implements RuleState {
    final Map<String, byte[]> bytes = new HashMap<>();

    @Override
    public <T> T get(String key, Class<T> type) {
      byte[] b = bytes.get(key);
      try {
        return b == null ? null : Json.MAPPER.readValue(b, type);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void put(String key, Object value) {
      if (value == null) {
        bytes.remove(key);
      } else {
        bytes.put(key, Json.write(value));
      }
    }
  }

  @Test
  void everyRuleTypeBehavesTheSameWithJsonState() {
    RuleEngine engine = TestRules.engine("""
        rules:
          - {id: m, type: match, group_by: actor, realert: 20m}
          - {id: f, type: frequency, window: 1h, threshold: 4, group_by: actor}
          - {id: s, type: spike, window: 1h, baseline: 6h, factor: 2, min_count: 3, group_by: topic}
          - {id: t, type: tension_rise, window: 1h, level: HIGH, delta: 10, group_by: actor}
          - {id: n, type: new_actor, lookback: 3h, warmup: 30m}
          - {id: q, type: flatline, quiet: 90m, group_by: source}
          - {id: d, type: match, digest: 15m, filter: {min_level: HIGH}}
        """);
    MapRuleState memory = new MapRuleState();
    JsonState json = new JsonState();
    List<Alert> fromMemory = new ArrayList<>();
    List<Alert> fromJson = new ArrayList<>();
    Random r = new Random(3);
    String[] actors = {"PRK", "KOR", "USA", "JPN", "RUS", "UKR"};
    for (int i = 0; i < 600; i++) {
      long minute = i * 2L + (i > 300 ? 240 : 0);
      EnrichedArticle a = TestArticles.article("j" + i).atMinute(minute).source("src" + r.nextInt(3))
          .actors(actors[r.nextInt(actors.length)], actors[r.nextInt(3)]).score(r.nextInt(100))
          .topic(i % 50 < 10 ? "military" : "diplomacy", 0.9).build();
      fromMemory.addAll(engine.tick(a.article().fetchedAt(), memory));
      fromJson.addAll(engine.tick(a.article().fetchedAt(), json));
      fromMemory.addAll(engine.evaluate(a, memory));
      fromJson.addAll(engine.evaluate(a, json));
    }
    assertThat(fromJson).isEqualTo(fromMemory);
    assertThat(fromMemory).extracting(Alert::ruleId).contains("m", "f", "s", "t", "n", "q", "d");
  }
}
