package org.watchfloor.feeds;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.feeds.poll.FeedPoller;
import org.watchfloor.feeds.poll.SourcePoller;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.feeds.source.SourcesConfig;
import org.watchfloor.http.FetchLimits;
import org.watchfloor.http.SafeHttpFetcher;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * Builds the feeds stage: reads {@code sources.yaml}, publishes the sources to the sources topic (keyed by name,
 * tombstoning the ones no longer configured) and runs a {@link FeedPoller} in the {@code watchfloor-feeds} consumer
 * group.
 */
public final class FeedsApp {
  private static final Logger LOG = LoggerFactory.getLogger(FeedsApp.class);

  private FeedsApp() {}

  /** The stage for the sources in {@code DIR/sources.yaml}, not yet started. */
  public static Stage create(StageContext ctx) {
    return create(ctx, List.of());
  }

  /**
   * The stage for the configured sources plus extra ones (the demo's local sample feeds, with
   * {@code allow_private: true}); an extra source replaces a configured one of the same name.
   */
  public static Stage create(StageContext ctx, List<Source> extraSources) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(extraSources, "extraSources");
    Map<String, Source> byName = new LinkedHashMap<>();
    boolean hasFile = Files.isRegularFile(ctx.configDir().resolve(SourcesConfig.FILE));
    // The demo turns the configured (internet) sources off and polls only its local site.
    boolean configured = ctx.settings().getBoolean("feeds.sources.enabled", true);
    if (configured && (hasFile || extraSources.isEmpty())) {
      SourcesConfig.load(ctx.configDir()).sources().forEach(s -> byName.put(s.name(), s));
    }
    for (int i = 0; i < extraSources.size(); i++) {
      Source s = extraSources.get(i);
      SourcesConfig.validate("extra sources", "[" + i + "]", s);
      byName.put(s.name(), s);
    }
    Settings s = ctx.settings();
    FetchLimits limits = limits(s);
    FeedPoller.Options options = new FeedPoller.Options(
        s.get("feeds.group.id", FeedPoller.Options.DEFAULTS.groupId()),
        s.getInt("feeds.threads", FeedPoller.Options.DEFAULTS.threads()),
        s.getDuration("feeds.startup.jitter", FeedPoller.Options.DEFAULTS.startupJitter()));
    FeedPoller poller = new FeedPoller(ctx.kafkaProperties(), new SourcePoller(new SafeHttpFetcher(limits)),
        ctx.metrics(), options);
    boolean publish = s.getBoolean("feeds.publish.sources", true);
    return new FeedsStage(ctx.kafkaProperties(), new ArrayList<>(byName.values()), publish,
        poller);
  }

  /** HTTP limits from the {@code feeds.http.*} settings, defaulting to {@link FetchLimits#DEFAULTS}. */
  public static FetchLimits limits(Settings s) {
    FetchLimits d = FetchLimits.DEFAULTS;
    return new FetchLimits(
        s.getDuration("feeds.http.connect.timeout", d.connectTimeout()),
        s.getDuration("feeds.http.read.timeout", d.readTimeout()),
        s.getDuration("feeds.http.total.timeout", d.totalTimeout()),
        s.getInt("feeds.http.max.body.bytes", (int) d.maxBodyBytes()),
        s.getInt("feeds.http.max.redirects", d.maxRedirects()),
        s.getInt("feeds.http.max.decompressed.bytes", (int) d.maxDecompressedBytes()),
        s.getInt("feeds.http.min.bytes.per.second", (int) d.minBytesPerSecond()),
        s.getDuration("feeds.http.rate.grace", d.rateGrace()),
        d.userAgent());
  }

  /** How long reading the sources topic back may take before publishing gives up. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Makes the compacted sources topic hold exactly the given sources: reads the topic back to its current end,
   * writes a tombstone for every source in it that is not given (so that the pollers stop it), then publishes every
   * given source, keyed by name, and waits for the acknowledgements.
   */
  public static void publishSources(Properties kafka, List<Source> sources) {
    Set<String> published = publishedSourceNames(kafka, READ_TIMEOUT);
    SortedSet<String> removed = removedSources(published, sources);
    Properties p = new Properties();
    p.putAll(kafka);
    p.put("enable.idempotence", "true");
    p.put("acks", "all");
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (String name : removed) {
        sent.add(producer.send(new ProducerRecord<>(Topics.SOURCES, name.getBytes(StandardCharsets.UTF_8), null)));
      }
      for (Source source : sources) {
        sent.add(producer.send(new ProducerRecord<>(Topics.SOURCES,
            source.name().getBytes(StandardCharsets.UTF_8), Json.write(source))));
      }
      for (java.util.concurrent.Future<?> f : sent) {
        f.get(60, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing sources", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish sources to " + Topics.SOURCES + ": " + e.getMessage(), e);
    }
    for (String name : removed) {
      LOG.info("Source {} is no longer configured; removed from the sources topic", name);
    }
  }

  /**
   * The names of the sources the topic holds now: those whose latest record, up to the end offsets taken at the
   * start, is not a tombstone. Reads without a consumer group, committed records only.
   */
  static Set<String> publishedSourceNames(Properties kafka, Duration timeout) {
    Properties p = new Properties();
    kafka.forEach((k, v) -> {
      // producer-only settings would only produce warnings in a consumer
      if (!String.valueOf(k).startsWith("linger") && !String.valueOf(k).startsWith("acks")) {
        p.put(k, v);
      }
    });
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.remove(ConsumerConfig.CLIENT_ID_CONFIG);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<String> live = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> reader =
             new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = reader.partitionsFor(Topics.SOURCES, timeout);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("cannot read " + Topics.SOURCES + ": the topic does not exist");
      }
      List<TopicPartition> parts = new ArrayList<>();
      infos.forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
      reader.assign(parts);
      reader.seekToBeginning(parts);
      Map<TopicPartition, Long> end = reader.endOffsets(parts, remaining(deadline, timeout));
      while (!caughtUp(reader, end, deadline, timeout)) {
        for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(200))) {
          if (r.key() == null) {
            continue;
          }
          String name = new String(r.key(), StandardCharsets.UTF_8);
          if (r.value() == null) {
            live.remove(name);
          } else {
            live.add(name);
          }
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("cannot read " + Topics.SOURCES + " to its end within " + timeout
              + " (at " + positions(reader, end) + " of " + end + ")");
        }
      }
    } catch (KafkaException e) {
      throw new IllegalStateException("cannot read " + Topics.SOURCES + " to find removed sources: " + e, e);
    }
    return live;
  }

  /** The published sources that the configured ones leave out, which get a tombstone; sorted by name. */
  static SortedSet<String> removedSources(Set<String> published, Collection<Source> configured) {
    SortedSet<String> removed = new TreeSet<>(published);
    configured.forEach(s -> removed.remove(s.name()));
    return removed;
  }

  private static Duration remaining(long deadline, Duration timeout) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new IllegalStateException("cannot read " + Topics.SOURCES + " within " + timeout);
    }
    return Duration.ofNanos(left);
  }

  private static boolean caughtUp(KafkaConsumer<byte[], byte[]> reader, Map<TopicPartition, Long> end,
                                  long deadline, Duration timeout) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (reader.position(e.getKey(), remaining(deadline, timeout)) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static Map<TopicPartition, Long> positions(KafkaConsumer<byte[], byte[]> reader,
                                                     Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> at = new HashMap<>();
    end.keySet().forEach(tp -> at.put(tp, reader.position(tp)));
    return at;
  }

  /** The stage: publishes the sources on start, then runs the poller. */
  private static final class FeedsStage implements Stage {
    private final Properties kafka;
    private final List<Source> sources;
    private final boolean publish;
    private final FeedPoller poller;

    FeedsStage(Properties kafka, List<Source> sources, boolean publish, FeedPoller poller) {
      this.kafka = kafka;
      this.sources = List.copyOf(sources);
      this.publish = publish;
      this.poller = poller;
    }

    @Override
    public String name() {
      return "feeds";
    }

    @Override
    public void start() {
      if (publish) {
        publishSources(kafka, sources);
        LOG.info("Published {} sources to {}", sources.size(), Topics.SOURCES);
      }
      poller.start();
    }

    @Override
    public void close() {
      poller.close();
    }
  }

  /** Used by tests: the poller behind a stage built here. */
  static FeedPoller pollerOf(Stage stage) {
    return ((FeedsStage) stage).poller;
  }

  /** Used by tests in other packages: the poller behind a stage built here. */
  public static FeedPoller pollerOfForTests(Stage stage) {
    return pollerOf(stage);
  }
}
