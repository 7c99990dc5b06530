package org.watchfloor.feeds;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.feeds.http.FetchLimits;
import org.watchfloor.feeds.http.SafeHttpFetcher;
import org.watchfloor.feeds.poll.FeedPoller;
import org.watchfloor.feeds.poll.SourcePoller;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.feeds.source.SourcesConfig;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.model.stage.Stage;
import org.watchfloor.model.stage.StageContext;

/**
 * Builds the feeds stage: reads {@code sources.yaml}, publishes the sources to the sources topic (keyed by name) and
 * runs a {@link FeedPoller} in the {@code watchfloor-feeds} consumer group.
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

  /** Publishes every source to the compacted sources topic, keyed by name, and waits for the acknowledgements. */
  public static void publishSources(Properties kafka, List<Source> sources) {
    Properties p = new Properties();
    p.putAll(kafka);
    p.put("enable.idempotence", "true");
    p.put("acks", "all");
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
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
}
