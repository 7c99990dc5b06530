package org.watchfloor.enricher.trend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Aggregate;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.EnrichedArticle;

/**
 * Adds up the partial tallies that {@link TrendPartials} forwards from every partition, keyed by
 * {@code kind|key|windowStart} so that each window is totalled on one partition, and emits the updated
 * {@link Aggregate} keyed by its document id, so that a consumer can overwrite the previous value. Unresolved actors
 * are left out; a dyad is counted once per article whatever its event classes.
 *
 * <p>Updates are coalesced: each changed window is emitted once per emit interval (about a commit interval) with its
 * latest value, instead of once per article. The pending flag lives in the store, so an update committed just before
 * a crash is still emitted after the restart.
 */
public final class TrendAggregator implements Processor<String, Tally, String, Aggregate> {
  private static final Logger LOG = LoggerFactory.getLogger(TrendAggregator.class);

  public static final String ACTOR = "actor";
  public static final String DYAD = "dyad";
  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(15);

  private final String storeName;
  private final long windowMs;
  private final long retentionMs;
  private ProcessorContext<String, Aggregate> context;
  private KeyValueStore<String, Tally> tallies;
  private final Duration emitInterval;
  private final Set<String> pending = new LinkedHashSet<>();
  private long maxEventTime = Long.MIN_VALUE;

  public TrendAggregator(String storeName, Duration window, Duration retention, Duration emitInterval) {
    this.storeName = storeName;
    this.windowMs = window.toMillis();
    this.retentionMs = retention.toMillis();
    this.emitInterval = emitInterval;
  }

  @Override
  public void init(ProcessorContext<String, Aggregate> context) {
    this.context = context;
    this.tallies = context.getStateStore(storeName);
    try (KeyValueIterator<String, Tally> it = tallies.all()) {
      while (it.hasNext()) {
        KeyValue<String, Tally> kv = it.next();
        if (kv.value.pending()) {
          pending.add(kv.key);
        }
      }
    }
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emit());
    context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
  }

  @Override
  public void process(Record<String, Tally> record) {
    String storeKey = record.key();
    long start;
    try {
      start = Long.parseLong(storeKey.substring(storeKey.lastIndexOf('|') + 1));
    } catch (RuntimeException e) {
      LOG.warn("Partial tally with a malformed key {} ignored", storeKey);
      return;
    }
    maxEventTime = Math.max(maxEventTime, start);
    // a window swept away would restart at a wrong count
    if (start + windowMs <= maxEventTime - retentionMs) {
      LOG.debug("Partial tally of {} is older than the aggregate retention, not aggregated", storeKey);
      return;
    }
    Tally tally = tallies.get(storeKey);
    tallies.put(storeKey, (tally == null ? Tally.EMPTY : tally).merge(record.value()));
    pending.add(storeKey);
  }

  /** Emits the latest value of every window changed since the last emission. */
  private void emit() {
    if (pending.isEmpty()) {
      return;
    }
    long now = context.currentSystemTimeMs();
    for (String storeKey : pending) {
      Tally tally = tallies.get(storeKey);
      if (tally == null) {
        continue;
      }
      int bar = storeKey.indexOf('|');
      int last = storeKey.lastIndexOf('|');
      long start = Long.parseLong(storeKey.substring(last + 1));
      Aggregate agg = new Aggregate(Aggregate.VERSION, storeKey.substring(0, bar), storeKey.substring(bar + 1, last),
          Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + windowMs), tally.count(), tally.tensionSum(),
          tally.tensionMax());
      context.forward(new Record<>(agg.docId(), agg, now));
      tallies.put(storeKey, tally.emitted());
    }
    pending.clear();
  }

  /** Forgets the windows that no late article may update any more. */
  private void sweep() {
    if (maxEventTime == Long.MIN_VALUE) {
      return;
    }
    long horizon = maxEventTime - retentionMs;
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, Tally> it = tallies.all()) {
      while (it.hasNext()) {
        KeyValue<String, Tally> kv = it.next();
        long windowStart = Long.parseLong(kv.key.substring(kv.key.lastIndexOf('|') + 1));
        if (windowStart + windowMs <= horizon) {
          expired.add(kv.key);
        }
      }
    }
    expired.forEach(tallies::delete);
  }

  /** The store keys an article counts toward: {@code actor|ID} and {@code dyad|SOURCE>TARGET}. */
  public static List<String> keys(EnrichedArticle a) {
    Set<String> keys = new LinkedHashSet<>();
    for (ActorMention m : a.actors()) {
      if (m.id() != null && !m.id().isBlank() && !m.id().startsWith("unresolved:")) {
        keys.add(ACTOR + "|" + m.id());
      }
    }
    for (Dyad d : a.dyads()) {
      if (d.source() != null && d.target() != null) {
        keys.add(DYAD + "|" + d.key());
      }
    }
    return List.copyOf(keys);
  }
}
