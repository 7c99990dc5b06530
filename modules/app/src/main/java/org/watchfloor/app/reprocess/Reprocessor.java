package org.watchfloor.app.reprocess;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.watchfloor.classify.Classifier;
import org.watchfloor.enricher.ArticleValidator;
import org.watchfloor.enricher.EnrichmentOptions;
import org.watchfloor.enricher.Enrichment;
import org.watchfloor.indexer.ArticleGenerations;
import org.watchfloor.indexer.IndexNames;
import org.watchfloor.indexer.document.ArticleDocuments;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Topics;

/**
 * Re-reads history: replays the raw topic from a point in time through the current classifier into a new generation
 * of the article indices, out of sight of the read alias, and moves the alias onto it in one step once it has caught
 * up with the topic. It writes to Elasticsearch only, never to Kafka, so the live stream and alerting do not see it:
 * no alert is sent again. Its offsets are committed after each bulk under a consumer group of the generation, and its
 * state is kept in Elasticsearch ({@link ReprocessState}), so that a run stopped by Ctrl-C or a crash resumes where
 * it stopped. Story fields are kept from the documents being replaced; trends are not recomputed.
 */
public final class Reprocessor {
  /** Consumer group of a generation's replay. */
  static final String GROUP_PREFIX = "watchfloor-reprocess-g";

  /**
   * @param since how far back to replay, from now (ignored when resuming: the first run's start holds)
   * @param follow how long to keep reading after the swap, while the live indexer moves to the new generation
   * @param stopAfter stop (as Ctrl-C would) after this many records, 0 for never: for tests
   * @param progressEvery how often to print a progress line
   */
  public record Options(Duration since, Duration follow, long stopAfter, Duration progressEvery, int replicas) {
    public Options {
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(follow, "follow");
      Objects.requireNonNull(progressEvery, "progressEvery");
    }
  }

  /** How a run ended. */
  public record Result(int generation, long articles, long skipped, boolean swapped, String classifierVersion) {}

  private final Properties kafka;
  private final ElasticsearchClient client;
  private final Classifier classifier;
  private final Options options;
  private final PrintWriter out;
  private final Clock clock;
  private final AtomicBoolean stop = new AtomicBoolean();

  public Reprocessor(Properties kafka, ElasticsearchClient client, Classifier classifier, Options options,
      PrintWriter out, Clock clock) {
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.client = Objects.requireNonNull(client, "client");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.options = Objects.requireNonNull(options, "options");
    this.out = Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Asks a running replay to stop after its current batch, offsets committed: Ctrl-C. */
  public void stop() {
    stop.set(true);
  }

  public Result run() throws IOException {
    ArticleGenerations generations = new ArticleGenerations(client, options.replicas());
    ReprocessState state = ReprocessState.load(client);
    int generation;
    Instant since;
    if (state != null && ReprocessState.RUNNING.equals(state.status())) {
      generation = state.generation();
      since = state.since();
      out.printf("Resuming generation %d: raw articles since %s%n", generation, since);
    } else {
      generation = Math.max(generations.newest(), generations.active()) + 1;
      since = clock.instant().minus(options.since());
      state = new ReprocessState(generation, since, ReprocessState.RUNNING, classifier.version(), clock.instant(),
          null, 0);
      state.save(client);
      out.printf("Generation %d: raw articles since %s through classifier %s%n", generation, since,
          classifier.version());
    }
    generations.putTemplate(generation, false);

    ArticleValidator validator = new ArticleValidator(EnrichmentOptions.DEFAULT_MAX_PAYLOAD_BYTES);
    long done = 0;
    long skipped = 0;
    boolean swapped = false;
    long started = System.nanoTime();
    long lastProgress = started;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(generation)) {
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      position(consumer, partitions, since);
      Map<TopicPartition, Long> targets = consumer.endOffsets(partitions);
      long followUntil = Long.MAX_VALUE;
      while (!stop.get()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          Map<String, EnrichedArticle> batch = new LinkedHashMap<>();
          Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
          Instant now = clock.instant();
          for (ConsumerRecord<byte[], byte[]> r : records) {
            offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            try {
              RawArticle raw = validator.validate(r.value());
              batch.put(raw.id(), Enrichment.of(raw, Enrichment.classify(classifier, raw), now,
                  classifier.version(), raw.id(), null));
            } catch (RuntimeException e) {
              // the live enricher sent it to the dead letters already
              skipped++;
            }
          }
          write(generation, batch);
          consumer.commitSync(offsets);
          done += records.count();
          if (!swapped && options.stopAfter() > 0 && done >= options.stopAfter()) {
            break;
          }
        }
        long now = System.nanoTime();
        long left = left(consumer, targets);
        if (now - lastProgress >= options.progressEvery().toNanos() || (left == 0 && !swapped)) {
          out.println("reprocess g" + generation + ": "
              + new Progress(done, left, Duration.ofNanos(now - started)).line());
          out.flush();
          lastProgress = now;
        }
        if (!swapped && left == 0) {
          generations.activate(generation);
          swapped = true;
          state = state.swapped(clock.instant(), state.articles() + done);
          state.save(client);
          out.printf("Generation %d is live: the read alias %s points to it%n", generation, IndexNames.ARTICLES);
          followUntil = now + options.follow().toNanos();
        }
        if (swapped && now >= followUntil) {
          break;
        }
      }
    }
    if (!swapped) {
      state.withArticles(state.articles() + done).save(client);
      out.printf("Stopped after %,d records; run the same command again to resume generation %d%n", done,
          generation);
    } else {
      out.printf("Done: %,d records re-read (%,d unreadable, skipped). The previous generation's indices stay; "
          + "delete them when you no longer need them%n", done, skipped);
    }
    return new Result(generation, done, skipped, swapped, classifier.version());
  }

  /** Writes one batch into the generation, keeping the story fields of the documents they replace. */
  private void write(int generation, Map<String, EnrichedArticle> batch) throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, Map<String, Object>> stories = storiesOf(new ArrayList<>(batch.keySet()));
    List<BulkOperation> ops = new ArrayList<>(batch.size());
    Instant ingested = clock.instant();
    for (EnrichedArticle a : batch.values()) {
      Map<String, Object> doc = ArticleDocuments.toDocument(a, ingested);
      Map<String, Object> story = stories.get(a.id());
      if (story != null) {
        doc.putAll(story);
      }
      String index = ArticleDocuments.index(a, generation);
      ops.add(BulkOperation.of(b -> b.index(i -> i.index(index).id(a.id()).document(JsonData.of(doc)))));
    }
    BulkResponse response = client.bulk(b -> b.operations(ops).refresh(Refresh.False));
    if (response.errors()) {
      List<String> reasons = new ArrayList<>();
      for (BulkResponseItem item : response.items()) {
        if (item.error() != null && reasons.size() < 3) {
          reasons.add(item.id() + ": " + item.error().reason());
        }
      }
      throw new ReprocessException("Elasticsearch refused part of a batch (" + String.join("; ", reasons)
          + "); nothing was committed, so the same command resumes from before it");
    }
  }

  /** The story fields of these articles in the documents the read alias shows now. */
  private Map<String, Map<String, Object>> storiesOf(List<String> ids) throws IOException {
    Map<String, Map<String, Object>> out = new HashMap<>();
    try {
      @SuppressWarnings("rawtypes")
      var response = client.search(s -> s.index(IndexNames.ARTICLES).ignoreUnavailable(true).allowNoIndices(true)
          .size(ids.size()).source(src -> src.filter(f -> f.includes(ArticleDocuments.STORY_FIELDS)))
          .query(q -> q.ids(i -> i.values(ids))), Map.class);
      for (@SuppressWarnings("rawtypes") Hit<Map> hit : response.hits().hits()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> source = hit.source();
        if (source != null && source.get("story_id") != null) {
          out.put(hit.id(), source);
        }
      }
    } catch (ElasticsearchException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
    return out;
  }

  private KafkaConsumer<byte[], byte[]> consumer(int generation) {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + generation);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    long batch = options.stopAfter() > 0 ? Math.min(500, options.stopAfter()) : 500;
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Long.toString(batch));
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "watchfloor-reprocess-g" + generation);
    p.remove("acks");
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
    List<TopicPartition> out = new ArrayList<>();
    List<PartitionInfo> infos = consumer.partitionsFor(Topics.RAW, Duration.ofSeconds(30));
    if (infos == null || infos.isEmpty()) {
      throw new ReprocessException("the raw topic " + Topics.RAW + " does not exist on this Kafka cluster");
    }
    for (PartitionInfo info : infos) {
      out.add(new TopicPartition(info.topic(), info.partition()));
    }
    return out;
  }

  /** Committed offsets where a run stopped; the first offset at or after {@code since} elsewhere. */
  private static void position(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
      Instant since) {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
    Map<TopicPartition, Long> fresh = new HashMap<>();
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata c = committed.get(tp);
      if (c != null) {
        consumer.seek(tp, c.offset());
      } else {
        fresh.put(tp, since.toEpochMilli());
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(fresh);
    Map<TopicPartition, Long> ends = consumer.endOffsets(fresh.keySet());
    for (TopicPartition tp : fresh.keySet()) {
      OffsetAndTimestamp at = found.get(tp);
      consumer.seek(tp, at != null ? at.offset() : ends.get(tp));
    }
  }

  /** Records between the consumer's positions and the end offsets taken at the start. */
  private static long left(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> targets) {
    long left = 0;
    for (Map.Entry<TopicPartition, Long> e : targets.entrySet()) {
      left += Math.max(0, e.getValue() - consumer.position(e.getKey()));
    }
    return left;
  }
}
