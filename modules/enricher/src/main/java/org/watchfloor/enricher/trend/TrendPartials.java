package org.watchfloor.enricher.trend;

import java.time.Duration;
import java.time.Instant;
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
import org.watchfloor.enricher.story.Classified;

/**
 * Counts, on the partition where articles are enriched, what each article adds to the window of its event time for
 * every actor and dyad it names; once per emit interval it forwards each changed window's partial tally, keyed by
 * {@code kind|key|windowStart}, and starts that window afresh. {@link TrendAggregator} adds the partials of all
 * partitions up. Pending partials live in the store, so that what was committed before a crash is still forwarded.
 */
public final class TrendPartials implements Processor<String, Classified, String, Tally> {
  private static final Logger LOG = LoggerFactory.getLogger(TrendPartials.class);

  private final String storeName;
  private final long windowMs;
  private final long retentionMs;
  private final Duration emitInterval;
  private ProcessorContext<String, Tally> context;
  private KeyValueStore<String, Tally> partials;
  private long maxEventTime = Long.MIN_VALUE;

  public TrendPartials(String storeName, Duration window, Duration retention, Duration emitInterval) {
    this.storeName = storeName;
    this.windowMs = window.toMillis();
    this.retentionMs = retention.toMillis();
    this.emitInterval = emitInterval;
  }

  @Override
  public void init(ProcessorContext<String, Tally> context) {
    this.context = context;
    this.partials = context.getStateStore(storeName);
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emit());
  }

  @Override
  public void process(Record<String, Classified> record) {
    Classified a = record.value();
    long t = a.eventTime();
    maxEventTime = Math.max(maxEventTime, t);
    long start = t - Math.floorMod(t, windowMs);
    if (start + windowMs <= maxEventTime - retentionMs) {
      LOG.debug("Article {} of {} is older than the aggregate retention, not aggregated", a.id(),
          Instant.ofEpochMilli(t));
      return;
    }
    for (String key : a.trendKeys()) {
      String storeKey = key + "|" + start;
      Tally tally = partials.get(storeKey);
      partials.put(storeKey, (tally == null ? Tally.EMPTY : tally).add(a.tension()));
    }
  }

  /** Forwards every window's partial tally and forgets it: the next article starts it again from nothing. */
  private void emit() {
    long now = context.currentSystemTimeMs();
    List<String> sent = new ArrayList<>();
    try (KeyValueIterator<String, Tally> it = partials.all()) {
      while (it.hasNext()) {
        KeyValue<String, Tally> kv = it.next();
        if (kv.value.count() > 0) {
          context.forward(new Record<>(kv.key, kv.value.emitted(), now));
        }
        sent.add(kv.key);
      }
    }
    sent.forEach(partials::delete);
  }
}
