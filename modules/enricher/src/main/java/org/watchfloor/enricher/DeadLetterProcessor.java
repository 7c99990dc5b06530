package org.watchfloor.enricher;

import java.util.Arrays;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.DeadLetters;

/** Turns a failed record back into its original key and payload with the {@code error.*} headers. */
final class DeadLetterProcessor implements Processor<String, Work, byte[], byte[]> {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessor.class);

  static final String STAGE = "enricher";

  private final EnrichmentListener listener;
  private ProcessorContext<byte[], byte[]> context;

  DeadLetterProcessor(EnrichmentListener listener) {
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Work> record) {
    Work work = record.value();
    byte[] payload = work.payload();
    if (payload != null && payload.length > DeadLetters.MAX_PAYLOAD) {
      payload = Arrays.copyOf(payload, DeadLetters.MAX_PAYLOAD);
    }
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    DeadLetters.addHeaders(headers, STAGE, Topics.RAW, work.errorClass(), work.errorMessage(), work.url());
    LOG.warn("Record {} from {} sent to dead letters: {}", record.key() != null ? record.key() : "(no id)",
        work.url() != null ? work.url() : Topics.RAW, work.errorMessage());
    listener.deadLettered(work.errorClass(), work.errorMessage());
    context.forward(new Record<>(work.rawKey(), payload, record.timestamp(), headers));
  }
}
