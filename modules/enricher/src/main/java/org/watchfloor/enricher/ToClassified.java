package org.watchfloor.enricher;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.watchfloor.classify.Classification;
import java.time.Instant;
import org.watchfloor.enricher.story.Classified;
import org.watchfloor.enricher.story.StoryCandidate;
import org.watchfloor.enricher.trend.TrendAggregator;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;

/**
 * Writes the enriched JSON of a classified article, once, on its input partition, and wraps it with what story
 * grouping and trends need.
 */
final class ToClassified implements FixedKeyProcessor<String, Work, Classified> {
  private final EnrichmentOptions options;
  private final String classifierVersion;
  private FixedKeyProcessorContext<String, Classified> context;

  ToClassified(EnrichmentOptions options, String classifierVersion) {
    this.options = options;
    this.classifierVersion = classifierVersion;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Classified> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, Work> record) {
    Work work = record.value();
    Classification c = work.classification();
    EnrichedArticle enriched = Enrichment.of(work.article(), c, options.clock().instant(), classifierVersion, null,
        null);
    double tension = c.tension() == null ? 0 : c.tension().score();
    RawArticle raw = work.article();
    Classified out = new Classified(enriched.id(), c.fingerprint(), EventTime.of(raw, record.timestamp()),
        tension, TrendAggregator.keys(enriched), Json.write(enriched), millis(raw.published()),
        millis(raw.fetchedAt()), millis(enriched.enrichedAt()));
    context.forward(record.withValue(out));
  }

  private static long millis(Instant t) {
    return t == null ? StoryCandidate.NONE : t.toEpochMilli();
  }
}
