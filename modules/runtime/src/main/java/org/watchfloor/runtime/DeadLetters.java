package org.watchfloor.runtime;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.watchfloor.model.Topics;

/** Builds dead-letter records: the original payload with headers naming the stage, error class and reason. */
public final class DeadLetters {
  private DeadLetters() {}

  public static final String STAGE = "error.stage";
  public static final String CLASS = "error.class";
  public static final String MESSAGE = "error.message";
  public static final String ORIGIN_TOPIC = "error.origin.topic";
  public static final String ORIGIN_URL = "error.origin.url";

  /** Largest payload kept as is; anything bigger is cut so that the dead letter itself fits in a Kafka message. */
  public static final int MAX_PAYLOAD = 512 * 1024;

  public static ProducerRecord<byte[], byte[]> record(
      String stage, String originTopic, byte[] key, byte[] payload, Throwable error, String url) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return record(stage, originTopic, key, payload, error.getClass().getName(), message, url);
  }

  public static ProducerRecord<byte[], byte[]> record(
      String stage, String originTopic, byte[] key, byte[] payload, String errorClass, String message, String url) {
    byte[] value = payload;
    if (value != null && value.length > MAX_PAYLOAD) {
      value = java.util.Arrays.copyOf(value, MAX_PAYLOAD);
    }
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.DEAD_LETTERS, key, value);
    addHeaders(record.headers(), stage, originTopic, errorClass, message, url);
    return record;
  }

  public static void addHeaders(
      Headers headers, String stage, String originTopic, String errorClass, String message, String url) {
    headers.add(STAGE, bytes(stage));
    headers.add(CLASS, bytes(errorClass));
    headers.add(MESSAGE, bytes(truncate(message, 2000)));
    if (originTopic != null) {
      headers.add(ORIGIN_TOPIC, bytes(originTopic));
    }
    if (url != null) {
      headers.add(ORIGIN_URL, bytes(url));
    }
  }

  public static String header(Headers headers, String name) {
    var h = headers.lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
  }

  private static String truncate(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
