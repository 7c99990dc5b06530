package org.watchfloor.enricher;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.watchfloor.classify.Classification;
import org.watchfloor.enricher.story.Classified;
import org.watchfloor.enricher.trend.TrendAggregator;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;

/**
 * Writes the enriched JSON of a classified article, once, on its input partition, and wraps it with what story
 * grouping and trends need; story_id and duplicate_of are added after grouping.
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
    EnrichedArticle enriched = new EnrichedArticle(EnrichedArticle.VERSION, work.article(), c.language(), c.actors(),
        c.topics(), c.tension(), c.dyads(), c.fingerprint(), null, null, options.clock().instant(), classifierVersion);
    double tension = c.tension() == null ? 0 : c.tension().score();
    Classified out = new Classified(enriched.id(), c.fingerprint(), EventTime.of(work.article(), record.timestamp()),
        tension, TrendAggregator.keys(enriched), Json.write(enriched));
    context.forward(record.withValue(out));
  }
}
