package org.watchfloor.enricher.story;

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
 * Marks near-duplicates: an article whose SimHash lies within the distance of an earlier article's, published
 * within the story window, gets {@code duplicate_of} that article and shares its {@code story_id}; any other article
 * starts its own story. Needs every article in one task, so it runs behind a single-partition repartition topic.
 *
 * <p>The index holds one small entry per article and fingerprint band, keyed {@code band|event time|id}: a lookup
 * reads the newest entries of each of the article's bands with one short range scan, and an article adds its entries
 * without rewriting anyone else's. A periodic sweep drops entries older than twice the window.
 */
public final class StoryGrouper implements Processor<String, Classified, String, Classified> {
  private static final Logger LOG = LoggerFactory.getLogger(StoryGrouper.class);
  /** A band shared by very many articles (boilerplate text) is read only for its most recent ones. */
  static final int MAX_CANDIDATES_PER_BAND = 32;
  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(15);

  private final String storeName;
  private final long windowMs;
  private final int maxDistance;
  private final FingerprintBands bands;
  private ProcessorContext<String, Classified> context;
  private KeyValueStore<String, StoryCandidate> index;
  private long maxEventTime = Long.MIN_VALUE;

  public StoryGrouper(String storeName, Duration window, int maxDistance) {
    this.storeName = storeName;
    this.windowMs = window.toMillis();
    this.maxDistance = maxDistance;
    this.bands = new FingerprintBands(maxDistance);
  }

  @Override
  public void init(ProcessorContext<String, Classified> context) {
    this.context = context;
    this.index = context.getStateStore(storeName);
    context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
  }

  @Override
  public void process(Record<String, Classified> record) {
    Classified a = record.value();
    long fp = a.fingerprint();
    long t = a.eventTime();
    maxEventTime = Math.max(maxEventTime, t);
    // no text, no fingerprint: such articles would all look alike
    if (fp == 0L) {
      context.forward(record.withValue(a.withStory(a.id(), null)));
      return;
    }
    String[] keys = bands.keys(fp);
    StoryCandidate best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String band : keys) {
      // keys of one band sort by event time: read the newest first, up to the cap
      try (KeyValueIterator<String, StoryCandidate> it = index.reverseRange(band + '|', band + "|~")) {
        for (int n = 0; n < MAX_CANDIDATES_PER_BAND && it.hasNext(); n++) {
          StoryCandidate c = it.next().value;
          if (c.id().equals(a.id()) || Math.abs(c.eventTime() - t) > windowMs) {
            continue;
          }
          int d = FingerprintBands.distance(fp, c.fingerprint());
          if (d <= maxDistance && (d < bestDistance || (d == bestDistance && c.eventTime() < best.eventTime()))) {
            best = c;
            bestDistance = d;
          }
        }
      }
    }
    Classified out;
    if (best == null) {
      out = a.withStory(a.id(), null);
    } else {
      out = a.withStory(best.storyId(), best.id());
      LOG.debug("Article {} is a copy of {} (distance {}), story {}", a.id(), best.id(), bestDistance, best.storyId());
    }
    StoryCandidate self = new StoryCandidate(a.id(), fp, out.storyId(), t);
    for (String band : keys) {
      index.put(entryKey(band, t, a.id()), self);
    }
    context.forward(record.withValue(out));
  }

  /** {@code band|event time as 16 hex digits|id}: within a band, entries sort by event time. */
  static String entryKey(String band, long eventTime, String id) {
    String hex = Long.toHexString(Math.max(0L, eventTime));
    StringBuilder key = new StringBuilder(band.length() + 18 + id.length()).append(band).append('|');
    for (int i = hex.length(); i < 16; i++) {
      key.append('0');
    }
    return key.append(hex).append('|').append(id).toString();
  }

  private void sweep() {
    if (maxEventTime == Long.MIN_VALUE) {
      return;
    }
    long horizon = maxEventTime - 2 * windowMs;
    List<String> stale = new ArrayList<>();
    try (KeyValueIterator<String, StoryCandidate> it = index.all()) {
      while (it.hasNext()) {
        KeyValue<String, StoryCandidate> kv = it.next();
        if (kv.value.eventTime() < horizon) {
          stale.add(kv.key);
        }
      }
    }
    stale.forEach(index::delete);
    if (!stale.isEmpty()) {
      LOG.debug("Dropped {} story index entries older than twice the story window", stale.size());
    }
  }
}
