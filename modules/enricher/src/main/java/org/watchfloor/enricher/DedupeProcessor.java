package org.watchfloor.enricher;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops an article whose id was already seen within the retention, as in Confluent's deduplication example: the ids
 * live in a window store, so old ones expire segment by segment without a scan.
 */
final class DedupeProcessor implements Processor<String, Work, String, Work> {
  private static final Logger LOG = LoggerFactory.getLogger(DedupeProcessor.class);

  private final String storeName;
  private final long retentionMs;
  private ProcessorContext<String, Work> context;
  private WindowStore<String, Long> seen;

  DedupeProcessor(String storeName, Duration retention) {
    this.storeName = storeName;
    this.retentionMs = retention.toMillis();
  }

  @Override
  public void init(ProcessorContext<String, Work> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Work> record) {
    String id = record.key();
    long ts = record.timestamp();
    // a re-delivery may come with an earlier or a later timestamp than the first copy
    try (WindowStoreIterator<Long> earlier = seen.fetch(id, ts - retentionMs, ts + retentionMs)) {
      if (earlier.hasNext()) {
        LOG.debug("Article {} already enriched, dropped", id);
        return;
      }
    }
    seen.put(id, ts, ts);
    context.forward(record);
  }
}
