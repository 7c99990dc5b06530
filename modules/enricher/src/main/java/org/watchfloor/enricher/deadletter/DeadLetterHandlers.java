package org.watchfloor.enricher.deadletter;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.enricher.EnrichmentListener;
import org.watchfloor.runtime.DeadLetters;

/** What the handlers share: the listener passed through the Streams configuration, and the dead-letter record. */
final class DeadLetterHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);

  /** Streams configuration key whose value is the {@link EnrichmentListener} the handlers report to. */
  static final String LISTENER_CONFIG = "watchfloor.enricher.listener";
  static final String STAGE = "enricher";

  private DeadLetterHandlers() {}

  static EnrichmentListener listener(Map<String, ?> configs) {
    Object value = configs.get(LISTENER_CONFIG);
    return value instanceof EnrichmentListener l ? l : EnrichmentListener.NONE;
  }

  static List<ProducerRecord<byte[], byte[]>> deadLetter(
      ErrorHandlerContext context, Exception error, EnrichmentListener listener, String what) {
    LOG.warn("{} in {} at {}-{}@{}, record sent to dead letters", what, context.processorNodeId(), context.topic(),
        context.partition(), context.offset(), error);
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    listener.deadLettered(error.getClass().getName(), message);
    return List.of(DeadLetters.record(STAGE, context.topic(), context.sourceRawKey(), context.sourceRawValue(),
        error, null));
  }
}
