package org.watchfloor.enricher.deadletter;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.watchfloor.enricher.EnrichmentListener;

/**
 * The safety net behind the topology's own routing: any exception a processor throws sends the source record to the
 * dead-letter topic with the {@code error.*} headers, and processing resumes.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
  /** Streams configuration key whose value is the {@link EnrichmentListener} to tell about dead letters. */
  public static final String LISTENER_CONFIG = DeadLetterHandlers.LISTENER_CONFIG;

  private EnrichmentListener listener = EnrichmentListener.NONE;

  @Override
  public void configure(Map<String, ?> configs) {
    listener = DeadLetterHandlers.listener(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    return Response.resume(DeadLetterHandlers.deadLetter(context, exception, listener, "Processing failed"));
  }
}
