package org.watchfloor.enricher;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.watchfloor.classify.Classifier;
import org.watchfloor.enricher.story.Classified;
import org.watchfloor.enricher.story.StoryCandidate;
import org.watchfloor.enricher.story.StoryGrouper;
import org.watchfloor.enricher.trend.Tally;
import org.watchfloor.enricher.trend.TrendAggregator;
import org.watchfloor.model.Aggregate;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.JsonSerde;

/**
 * Builds the enrichment topology:
 *
 * <pre>
 * raw -> validate -+-> invalid ----------------------------------------------+-> dead letters
 *                  +-> valid -> dedupe by id -> classify -+-> failed -------+
 *                                                         +-> classified -> [stories, 1 partition]
 *   -> story grouping (SimHash bands, duplicate_of, story_id) -+-> enriched
 *                                                              +-> hourly actor and dyad aggregates -> aggregates
 * </pre>
 *
 * Story grouping must see every article, so the classified stream goes through a single-partition repartition topic;
 * the expensive parts, classification and writing the enriched JSON, still run on every input partition. What crosses
 * that topic is a {@link Classified}: the JSON, written once, and the few fields grouping and trends read, so the
 * single story task parses no JSON. No configuration, no I/O.
 */
public final class EnrichmentTopology {
  public static final String DEDUPE_STORE = "enricher-seen-ids";
  public static final String STORY_STORE = "enricher-story-bands";
  public static final String TREND_STORE = "enricher-trends";
  /** Name of the internal single-partition topic feeding story grouping. */
  public static final String STORIES_REPARTITION = "enricher-stories";

  private static final Serde<Aggregate> AGGREGATE_SERDE = JsonSerde.of(Aggregate.class);

  private EnrichmentTopology() {}

  public static Topology build(Classifier classifier, EnrichmentOptions options) {
    Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(options, "options");
    String classifierVersion = classifier.version();
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(keyValueStore(DEDUPE_STORE, Serdes.Long()));
    builder.addStateStore(keyValueStore(STORY_STORE, StoryCandidate.LIST_SERDE));
    // the same few actors recur in every commit interval: the cache turns their updates into one changelog write each
    builder.addStateStore(keyValueStore(TREND_STORE, Tally.SERDE).withCachingEnabled());

    KStream<String, Work> checked = builder
        .stream(Topics.RAW, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("raw"))
        .process(() -> new ValidateProcessor(options.maxPayloadBytes()), Named.as("validate"));
    Map<String, KStream<String, Work>> validated = checked.split(Named.as("validation-"))
        .branch((id, work) -> work.isFailure(), Branched.as("invalid"))
        .defaultBranch(Branched.as("valid"));

    Map<String, KStream<String, Work>> classified = validated.get("validation-valid")
        .process(() -> new DedupeProcessor(DEDUPE_STORE, options.dedupeRetention()), Named.as("dedupe"), DEDUPE_STORE)
        .process(() -> new ClassifyProcessor(classifier), Named.as("classify"))
        .split(Named.as("classification-"))
        .branch((id, work) -> work.isFailure(), Branched.as("failed"))
        .defaultBranch(Branched.as("ok"));

    validated.get("validation-invalid")
        .merge(classified.get("classification-failed"), Named.as("failures"))
        .process(() -> new DeadLetterProcessor(options.listener()), Named.as("dead-letter"))
        .to(Topics.DEAD_LETTERS, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dead-letters"));

    KStream<String, Classified> grouped = classified.get("classification-ok")
        .processValues(() -> new ToClassified(options, classifierVersion), Named.as("to-enriched"))
        .repartition(Repartitioned.<String, Classified>as(STORIES_REPARTITION)
            .withKeySerde(Serdes.String())
            .withValueSerde(Classified.SERDE)
            .withNumberOfPartitions(1))
        .process(() -> new StoryGrouper(STORY_STORE, options.storyWindow(), options.maxHammingDistance()),
            Named.as("group-stories"), STORY_STORE);

    grouped
        .peek((id, c) -> options.listener().enriched(c.id(), c.storyId(), c.duplicateOf()), Named.as("count-enriched"))
        .mapValues(Classified::enrichedJson, Named.as("add-story"))
        .to(Topics.ENRICHED, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("enriched"));

    grouped
        .process(() -> new TrendAggregator(TREND_STORE, options.aggregateWindow(), options.aggregateRetention(),
            options.aggregateEmitInterval()),
            Named.as("aggregate-trends"), TREND_STORE)
        .to(Topics.AGGREGATES, Produced.with(Serdes.String(), AGGREGATE_SERDE).withName("aggregates"));

    return builder.build();
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> keyValueStore(String name, Serde<V> valueSerde) {
    // point lookups only: a plain RocksDB store, not a segmented window store whose range scans cost far more
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
  }

}
