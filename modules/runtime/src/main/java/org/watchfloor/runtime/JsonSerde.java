package org.watchfloor.runtime;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.watchfloor.model.Json;
import org.watchfloor.model.SchemaException;
import org.watchfloor.model.Versioned;

/** Kafka serde for a versioned record; a bad payload raises {@link SerializationException} naming the reason. */
public final class JsonSerde {
  private JsonSerde() {}

  public static <T extends Versioned> Serde<T> of(Class<T> type) {
    Serializer<T> serializer = (topic, value) -> value == null ? null : Json.write(value);
    Deserializer<T> deserializer = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return Json.read(bytes, type);
      } catch (SchemaException e) {
        throw new SerializationException(e.getMessage(), e);
      }
    };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
