package org.watchfloor.enricher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
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
import org.watchfloor.enricher.story.BandBatch;
import org.watchfloor.enricher.story.BandMatcher;
import org.watchfloor.enricher.story.FingerprintBands;
import org.watchfloor.enricher.story.StoryLinker;
import org.watchfloor.enricher.story.StoryMessage;
import org.watchfloor.enricher.story.StoryNode;
import org.watchfloor.enricher.trend.Tally;
import org.watchfloor.enricher.trend.TrendAggregator;
import org.watchfloor.enricher.trend.TrendPartials;
import org.watchfloor.model.Aggregate;
import org.watchfloor.model.StoryUpdate;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.JsonSerde;

/**
 * Builds the enrichment topology. An article crosses Kafka once on its main path, and no step runs in one partition:
 *
 * <pre>
 * raw -> validate -+-> invalid ------------------------------------------------+-> dead letters
 *                  +-> valid -> dedupe by id -> classify -+-> failed ----------+
 *                                                         +-> enriched (its own story) -> enriched
 *   story grouping, on small records:
 *     enriched article -> one record per fingerprint band -> [by band] match copies within the band
 *       -> [by original] the original's story -> links -> [by copy] the copy's best link -> stories (updates)
 *   trends: per-partition partial tallies -> [by window] totals -> aggregates
 * </pre>
 *
 * Near-duplicates meet on the partition of a fingerprint band they share, whichever partition or instance enriched
 * them; the story an article joins is decided on its own partition ({@link StoryLinker}) and published as a
 * {@link org.watchfloor.model.StoryUpdate} that the indexer applies. Trend windows are counted where the articles are
 * and totalled per window. No configuration, no I/O.
 */
public final class EnrichmentTopology {
  public static final String DEDUPE_STORE = "enricher-seen-ids";
  public static final String BAND_STORE = "enricher-story-bands";
  public static final String STORY_STORE = "enricher-story-nodes";
  public static final String TREND_PARTIAL_STORE = "enricher-trend-partials";
  public static final String TREND_STORE = "enricher-trends";
  /** Internal topic: an article's fingerprint bands, one small record per partition they hash to. */
  public static final String BANDS_REPARTITION = "enricher-story-bands";
  /** Internal topic: matches keyed by the original. */
  public static final String MATCHES_REPARTITION = "enricher-story-matches";
  /** Internal topic: partial trend tallies keyed by window. */
  public static final String TRENDS_REPARTITION = "enricher-trend-partials";

  private static final Serde<Aggregate> AGGREGATE_SERDE = JsonSerde.of(Aggregate.class);
  private static final Serde<StoryUpdate> STORY_UPDATE_SERDE = JsonSerde.of(StoryUpdate.class);

  private EnrichmentTopology() {}

  public static Topology build(Classifier classifier, EnrichmentOptions options) {
    Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(options, "options");
    String classifierVersion = classifier.version();
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(keyValueStore(DEDUPE_STORE, Serdes.Long()));
    builder.addStateStore(keyValueStore(BAND_STORE, StoryCandidate.LIST_SERDE));
    builder.addStateStore(keyValueStore(STORY_STORE, StoryNode.SERDE));
    // the same few actors recur in every emit interval: the cache turns their updates into one changelog write each
    builder.addStateStore(keyValueStore(TREND_PARTIAL_STORE, Tally.SERDE).withCachingEnabled());
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

    KStream<String, Classified> enriched = classified.get("classification-ok")
        .processValues(() -> new ToClassified(options, classifierVersion), Named.as("to-enriched"));

    enriched
        .peek((id, c) -> options.listener().enriched(c.id(), c.id(), null), Named.as("count-enriched"))
        .mapValues(c -> c.withStory(c.id(), null).enrichedJson(), Named.as("own-story"))
        .to(Topics.ENRICHED, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("enriched"));

    // story grouping: articles without text have no fingerprint, and would all look alike
    FingerprintBands bands = new FingerprintBands(options.maxHammingDistance());
    KStream<String, StoryMessage> matches = enriched
        .filter((id, c) -> c.fingerprint() != 0L, Named.as("with-fingerprint"))
        .flatMap((id, c) -> {
          List<KeyValue<String, BandBatch>> out = new ArrayList<>(bands.count());
          for (BandBatch b : BandBatch.of(c.candidate(), bands.keys(c.fingerprint()), options.partitions())) {
            out.add(KeyValue.pair(id, b));
          }
          return out;
        }, Named.as("to-bands"))
        .repartition(Repartitioned.<String, BandBatch>as(BANDS_REPARTITION)
            .withKeySerde(Serdes.String()).withValueSerde(BandBatch.SERDE)
            .withNumberOfPartitions(options.partitions()).withStreamPartitioner(BandBatch.PARTITIONER))
        .process(() -> new BandMatcher(BAND_STORE, options.storyWindow(), options.maxHammingDistance()),
            Named.as("match-bands"), BAND_STORE)
        .repartition(Repartitioned.<String, StoryMessage>as(MATCHES_REPARTITION)
            .withKeySerde(Serdes.String()).withValueSerde(StoryMessage.SERDE)
            .withNumberOfPartitions(options.partitions()));
    KStream<String, StoryMessage> links = builder.stream(Topics.STORY_LINKS,
        Consumed.with(Serdes.String(), StoryMessage.SERDE).withName("story-links-in"));
    Map<String, KStream<String, StoryLinker.Output>> decided = matches
        .merge(links, Named.as("matches-and-links"))
        .process(() -> new StoryLinker(STORY_STORE, options.storyWindow()), Named.as("link-stories"), STORY_STORE)
        .split(Named.as("story-"))
        .branch((id, out) -> out.isLink(), Branched.as("link"))
        .defaultBranch(Branched.as("update"));
    decided.get("story-link")
        .mapValues(StoryLinker.Output::link, Named.as("link-value"))
        .to(Topics.STORY_LINKS, Produced.with(Serdes.String(), StoryMessage.SERDE).withName("story-links-out"));
    decided.get("story-update")
        .mapValues(StoryLinker.Output::update, Named.as("update-value"))
        .to(Topics.STORIES, Produced.with(Serdes.String(), STORY_UPDATE_SERDE).withName("stories"));

    // trends: partial tallies where the articles are, totals per window
    enriched
        .process(() -> new TrendPartials(TREND_PARTIAL_STORE, options.aggregateWindow(), options.aggregateRetention(),
            options.aggregateEmitInterval()), Named.as("count-trends"), TREND_PARTIAL_STORE)
        .repartition(Repartitioned.<String, Tally>as(TRENDS_REPARTITION)
            .withKeySerde(Serdes.String()).withValueSerde(Tally.SERDE)
            .withNumberOfPartitions(options.partitions()))
        .process(() -> new TrendAggregator(TREND_STORE, options.aggregateWindow(), options.aggregateRetention(),
            options.aggregateEmitInterval()), Named.as("aggregate-trends"), TREND_STORE)
        .to(Topics.AGGREGATES, Produced.with(Serdes.String(), AGGREGATE_SERDE).withName("aggregates"));

    return builder.build();
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> keyValueStore(String name, Serde<V> valueSerde) {
    // point lookups only: a plain RocksDB store, not a segmented window store whose range scans cost far more
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
  }
}
