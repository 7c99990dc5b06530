package org.watchfloor.enricher.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Finds near-duplicates within fingerprint bands. Each band ({@link FingerprintBands#keys}) lives on the partition
 * its key hashes to, whichever instance enriched the article; an article's bands on one partition arrive in one
 * {@link BandBatch}. Two copies within the distance share at least one band and meet there. For every pair within the distance and the story window it emits
 * a {@link StoryMessage#MATCH} keyed by the earlier article (the original), naming the later one (the copy); of the
 * earlier candidates only the closest is named, while a later candidate (an article that arrived first although
 * published after) is told of every earlier article it meets, and keeps the best.
 *
 * <p>Candidates older than twice the window are pruned when their band is written; a periodic sweep drops bands
 * nobody has written to since. A band shared by very many articles (boilerplate) keeps only its most recent ones.
 */
public final class BandMatcher implements Processor<String, BandBatch, String, StoryMessage> {
  static final int MAX_CANDIDATES_PER_BAND = 16;
  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(15);

  private final String storeName;
  private final long windowMs;
  private final int maxDistance;
  private ProcessorContext<String, StoryMessage> context;
  private KeyValueStore<String, List<StoryCandidate>> index;
  private long maxEventTime = Long.MIN_VALUE;

  public BandMatcher(String storeName, Duration window, int maxDistance) {
    this.storeName = storeName;
    this.windowMs = window.toMillis();
    this.maxDistance = maxDistance;
  }

  @Override
  public void init(ProcessorContext<String, StoryMessage> context) {
    this.context = context;
    this.index = context.getStateStore(storeName);
    context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
  }

  @Override
  public void process(Record<String, BandBatch> record) {
    StoryCandidate a = record.value().candidate();
    maxEventTime = Math.max(maxEventTime, a.eventTime());
    // two articles usually share several bands: each pair is told once per batch
    Map<String, StoryMessage> matches = new LinkedHashMap<>();
    StoryCandidate best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String band : record.value().bands()) {
      List<StoryCandidate> old = index.get(band);
      List<StoryCandidate> next = new ArrayList<>(old == null ? 1 : old.size() + 1);
      long horizon = maxEventTime - 2 * windowMs;
      boolean seen = false;
      if (old != null) {
        for (StoryCandidate c : old) {
          if (c.id().equals(a.id())) {
            // the same article again (a replay after a crash): it has been matched already
            seen = true;
            break;
          }
          if (c.eventTime() >= horizon) {
            next.add(c);
          }
          if (Math.abs(c.eventTime() - a.eventTime()) > windowMs) {
            continue;
          }
          int d = FingerprintBands.distance(a.fingerprint(), c.fingerprint());
          if (d > maxDistance) {
            continue;
          }
          if (c.before(a)) {
            if (d < bestDistance || (d == bestDistance && c.before(best))) {
              best = c;
              bestDistance = d;
            }
          } else {
            matches.putIfAbsent(c.id(), StoryMessage.match(c, a, d));
          }
        }
      }
      if (seen) {
        continue;
      }
      next.add(a);
      if (next.size() > MAX_CANDIDATES_PER_BAND) {
        next.sort(Comparator.comparingLong(StoryCandidate::eventTime).reversed());
        next = new ArrayList<>(next.subList(0, MAX_CANDIDATES_PER_BAND));
      }
      index.put(band, next);
    }
    for (StoryMessage m : matches.values()) {
      context.forward(new Record<>(a.id(), m, record.timestamp()));
    }
    if (best != null) {
      context.forward(new Record<>(best.id(), StoryMessage.match(a, best, bestDistance), record.timestamp()));
    }
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
