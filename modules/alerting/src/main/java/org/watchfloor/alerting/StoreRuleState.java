package org.watchfloor.alerting;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.watchfloor.alerting.rules.RuleState;
import org.watchfloor.model.Json;

/** Rule state kept in a Kafka Streams key-value store as JSON, so it is changelogged and restored after a crash. */
final class StoreRuleState implements RuleState {
  private final KeyValueStore<String, byte[]> store;

  StoreRuleState(KeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  @Override
  public <T> T get(String key, Class<T> type) {
    byte[] bytes = store.get(key);
    if (bytes == null) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(bytes, type);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable rule state " + key, e);
    }
  }

  @Override
  public void put(String key, Object value) {
    if (value == null) {
      store.delete(key);
    } else {
      store.put(key, Json.write(value));
    }
  }
}
