package org.watchfloor.feeds;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.model.Topics;

/** Test helper: removes sources from the shared sources topic. */
final class FeedsAppAccess {
  private FeedsAppAccess() {}

  static void tombstone(String bootstrap, List<Source> sources) {
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      for (Source s : sources) {
        p.send(new ProducerRecord<>(Topics.SOURCES, s.name().getBytes(StandardCharsets.UTF_8), null));
      }
      p.flush();
    }
  }
}
