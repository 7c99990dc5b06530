package org.watchfloor.enricher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops an article whose id was already seen within the retention. The ids live in a key-value store, one point
 * lookup per article; a periodic sweep forgets ids older than the retention.
 */
final class DedupeProcessor implements Processor<String, Work, String, Work> {
  private static final Logger LOG = LoggerFactory.getLogger(DedupeProcessor.class);
  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(15);

  private final String storeName;
  private final long retentionMs;
  private ProcessorContext<String, Work> context;
  private KeyValueStore<String, Long> seen;

  DedupeProcessor(String storeName, Duration retention) {
    this.storeName = storeName;
    this.retentionMs = retention.toMillis();
  }

  @Override
  public void init(ProcessorContext<String, Work> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
    context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
  }

  @Override
  public void process(Record<String, Work> record) {
    String id = record.key();
    long ts = record.timestamp();
    Long first = seen.get(id);
    // a re-delivery may come with an earlier or a later timestamp than the first copy
    if (first != null && Math.abs(ts - first) <= retentionMs) {
      LOG.debug("Article {} already enriched, dropped", id);
      return;
    }
    seen.put(id, ts);
    context.forward(record);
  }

  private void sweep() {
    long horizon = context.currentStreamTimeMs() - retentionMs;
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = seen.all()) {
      while (it.hasNext()) {
        KeyValue<String, Long> kv = it.next();
        if (kv.value < horizon) {
          expired.add(kv.key);
        }
      }
    }
    expired.forEach(seen::delete);
    if (!expired.isEmpty()) {
      LOG.debug("Forgot {} article ids older than the dedupe retention", expired.size());
    }
  }
}
