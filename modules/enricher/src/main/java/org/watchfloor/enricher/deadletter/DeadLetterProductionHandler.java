package org.watchfloor.enricher.deadletter;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.watchfloor.enricher.EnrichmentListener;

/**
 * Sends the source of a record that cannot be written (too large for the broker, not serialisable) to the dead-letter
 * topic and resumes; transient broker errors are retried.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
  private EnrichmentListener listener = EnrichmentListener.NONE;

  @Override
  public void configure(Map<String, ?> configs) {
    listener = DeadLetterHandlers.listener(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RetriableException) {
      return Response.retry();
    }
    return Response.resume(DeadLetterHandlers.deadLetter(context, exception, listener, "Writing to " + record.topic()
        + " failed"));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
      SerializationExceptionOrigin origin) {
    return Response.resume(DeadLetterHandlers.deadLetter(context, exception, listener, "Serialising the " + origin
        + " for " + record.topic() + " failed"));
  }
}
