package org.watchfloor.enricher.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>The index maps each fingerprint band to the recent articles having it: one point lookup per band, no scan.
 * Candidates older than twice the window are pruned when their band is written, and a periodic sweep drops bands
 * nobody has written to since.
 */
public final class StoryGrouper implements Processor<String, Classified, String, Classified> {
  private static final Logger LOG = LoggerFactory.getLogger(StoryGrouper.class);
  /** A band shared by very many articles (boilerplate text) keeps only its most recent ones. */
  static final int MAX_CANDIDATES_PER_BAND = 16;
  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(15);

  private final String storeName;
  private final long windowMs;
  private final int maxDistance;
  private final FingerprintBands bands;
  private ProcessorContext<String, Classified> context;
  private KeyValueStore<String, List<StoryCandidate>> index;
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
    List<List<StoryCandidate>> lists = new ArrayList<>(keys.length);
    StoryCandidate best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String key : keys) {
      List<StoryCandidate> candidates = index.get(key);
      lists.add(candidates);
      if (candidates == null) {
        continue;
      }
      for (StoryCandidate c : candidates) {
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
    Classified out;
    if (best == null) {
      out = a.withStory(a.id(), null);
    } else {
      out = a.withStory(best.storyId(), best.id());
      LOG.debug("Article {} is a copy of {} (distance {}), story {}", a.id(), best.id(), bestDistance, best.storyId());
    }
    StoryCandidate self = new StoryCandidate(a.id(), fp, out.storyId(), t);
    long horizon = maxEventTime - 2 * windowMs;
    for (int i = 0; i < keys.length; i++) {
      List<StoryCandidate> old = lists.get(i);
      List<StoryCandidate> next = new ArrayList<>(old == null ? 1 : old.size() + 1);
      if (old != null) {
        for (StoryCandidate c : old) {
          if (c.eventTime() >= horizon) {
            next.add(c);
          }
        }
      }
      next.add(self);
      if (next.size() > MAX_CANDIDATES_PER_BAND) {
        next.sort(Comparator.comparingLong(StoryCandidate::eventTime).reversed());
        next = new ArrayList<>(next.subList(0, MAX_CANDIDATES_PER_BAND));
      }
      index.put(keys[i], next);
    }
    context.forward(record.withValue(out));
  }

  private void sweep() {
    if (maxEventTime == Long.MIN_VALUE) {
      return;
    }
    long horizon = maxEventTime - 2 * windowMs;
    List<String> stale = new ArrayList<>();
    try (KeyValueIterator<String, List<StoryCandidate>> it = index.all()) {
      while (it.hasNext()) {
        KeyValue<String, List<StoryCandidate>> kv = it.next();
        if (kv.value.stream().allMatch(c -> c.eventTime() < horizon)) {
          stale.add(kv.key);
        }
      }
    }
    stale.forEach(index::delete);
  }
}
