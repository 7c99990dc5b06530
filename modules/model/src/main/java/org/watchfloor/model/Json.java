package org.watchfloor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON mapping every stage uses: snake_case fields, ISO-8601 instants, nulls left out. */
public final class Json {
  private Json() {}

  /** Shared, thread-safe mapper. Do not reconfigure it. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  public static String writeString(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** Reads a versioned record and checks its schema version; throws {@link SchemaException} on bad input. */
  public static <T extends Versioned> T read(byte[] bytes, Class<T> type) {
    if (bytes == null || bytes.length == 0) {
      throw new SchemaException(type.getSimpleName(), "empty payload");
    }
    T value;
    try {
      value = MAPPER.readValue(bytes, type);
    } catch (IOException e) {
      throw new SchemaException(type.getSimpleName(), "invalid JSON: " + firstLine(e.getMessage()), e);
    } catch (RuntimeException e) {
      throw new SchemaException(type.getSimpleName(), "invalid record: " + firstLine(e.getMessage()), e);
    }
    if (value == null) {
      throw new SchemaException(type.getSimpleName(), "null record");
    }
    value.checkVersion();
    return value;
  }

  /** Reads any JSON value without version checks (configuration, API answers). */
  public static <T> T readPlain(byte[] bytes, Class<T> type) {
    try {
      return MAPPER.readValue(bytes, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
