package org.watchfloor.enricher.story;

import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.enricher.EventTime;
import org.watchfloor.model.EnrichedArticle;

/**
 * Marks near-duplicates: an article whose SimHash lies within the distance of an earlier article's, published
 * within the story window, gets {@code duplicate_of} that article and shares its {@code story_id}; any other article
 * starts its own story. Needs every article in one task, so it runs behind a single-partition repartition topic.
 */
public final class StoryGrouper implements Processor<String, EnrichedArticle, String, EnrichedArticle> {
  private static final Logger LOG = LoggerFactory.getLogger(StoryGrouper.class);
  /** A band shared by very many articles (boilerplate text) is not worth scanning further. */
  private static final int MAX_CANDIDATES_PER_BAND = 1000;

  private final String storeName;
  private final long windowMs;
  private final int maxDistance;
  private final FingerprintBands bands;
  private ProcessorContext<String, EnrichedArticle> context;
  private WindowStore<String, StoryCandidate> index;

  public StoryGrouper(String storeName, Duration window, int maxDistance) {
    this.storeName = storeName;
    this.windowMs = window.toMillis();
    this.maxDistance = maxDistance;
    this.bands = new FingerprintBands(maxDistance);
  }

  @Override
  public void init(ProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.index = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle a = record.value();
    long fp = a.fingerprint();
    long t = EventTime.of(a.article(), record.timestamp());
    // no text, no fingerprint: such articles would all look alike
    if (fp == 0L) {
      context.forward(record.withValue(withStory(a, a.id(), null)));
      return;
    }
    String[] keys = bands.keys(fp);
    StoryCandidate best = null;
    int bestDistance = Integer.MAX_VALUE;
    long bestTime = Long.MAX_VALUE;
    for (String key : keys) {
      int scanned = 0;
      try (WindowStoreIterator<StoryCandidate> it = index.fetch(key, t - windowMs, t + windowMs)) {
        while (it.hasNext() && scanned++ < MAX_CANDIDATES_PER_BAND) {
          KeyValue<Long, StoryCandidate> kv = it.next();
          StoryCandidate c = kv.value;
          if (c.id().equals(a.id())) {
            continue;
          }
          int d = FingerprintBands.distance(fp, c.fingerprint());
          if (d <= maxDistance && (d < bestDistance || (d == bestDistance && kv.key < bestTime))) {
            best = c;
            bestDistance = d;
            bestTime = kv.key;
          }
        }
      }
    }
    EnrichedArticle out;
    if (best == null) {
      out = withStory(a, a.id(), null);
    } else {
      out = withStory(a, best.storyId(), best.id());
      LOG.debug("Article {} is a copy of {} (distance {}), story {}", a.id(), best.id(), bestDistance, best.storyId());
    }
    StoryCandidate self = new StoryCandidate(a.id(), fp, out.storyId());
    for (String key : keys) {
      index.put(key, self, t);
    }
    context.forward(record.withValue(out));
  }

  private static EnrichedArticle withStory(EnrichedArticle a, String storyId, String duplicateOf) {
    return new EnrichedArticle(a.schemaVersion(), a.article(), a.language(), a.actors(), a.topics(), a.tension(),
        a.dyads(), a.fingerprint(), storyId, duplicateOf, a.enrichedAt());
  }
}
