package org.watchfloor.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.devstack.SampleSource;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.enricher.EnricherApp;
import org.watchfloor.feeds.FeedsApp;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.feeds.source.SourceType;
import org.watchfloor.indexer.IndexerApp;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.pages.PagesApp;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * Scenario 6: feeds, pages, enricher and indexer read the local sample site, then every stage is stopped and started
 * again; the site sees no burst of requests (only feed polls, no article page again) and no article is fetched,
 * published or enriched twice. (FeedsStageIT in the feeds module covers the feeds stage alone.)
 */
class StageRestartIT {
  private static final Logger LOG = LoggerFactory.getLogger(StageRestartIT.class);

  @TempDir Path dir;

  @Test
  void restartingEveryStageCausesNoRefetchBurstAndNoDuplicates() throws Exception {
    DevStack stack = SharedStack.get();
    String bootstrap = stack.kafka().bootstrapServers();
    String run = Faults.runId("restart");
    Duration watch = Faults.scaled(Duration.ofSeconds(20), Duration.ofSeconds(60));
    Map<String, String> values = new HashMap<>();
    values.put("feeds.sources.enabled", "false");
    values.put("feeds.group.id", "fault-feeds-" + run);
    values.put("feeds.startup.jitter", "0s");
    values.put("pages.group.id", "fault-pages-" + run);
    values.put("pages.host.delay", "50ms");
    values.put("enricher.application.id", "fault-enricher-" + run);
    values.put("enricher.state.dir", dir.toString());
    values.put("indexer.group", "fault-indexer-" + run);
    StageContext ctx = new StageContext(Settings.of(values, Faults.configDir()), bootstrap,
        stack.elasticsearch().url(), new SimpleMeterRegistry());
    try (SampleSource site = SampleSource.start();
        KafkaConsumer<byte[], byte[]> rawReader = Faults.committedReader(bootstrap, Topics.RAW);
        KafkaConsumer<byte[], byte[]> enrichedReader = Faults.committedReader(bootstrap, Topics.ENRICHED)) {
      List<Source> sources = List.of(
          source(run + "-rss", site.rssUrl()), source(run + "-atom", site.atomUrl()),
          source(run + "-rdf", site.rdfUrl()));
      int articles = site.articles().size();
      Map<String, Integer> raw = Faults.newCounts();
      Map<String, Integer> enriched = Faults.newCounts();

      List<Stage> first = start(ctx, sources);
      try {
        Faults.waitUntil(Duration.ofSeconds(240), () -> {
          drainSite(rawReader, site, raw, false);
          drainSite(enrichedReader, site, enriched, true);
          return enriched.size() >= articles;
        });
        // settle: the first round of polls is over and nothing is in flight
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
      } finally {
        stop(first);
      }
      int beforeRestart = site.requestCount();

      List<Stage> second = start(ctx, sources);
      long t0 = System.nanoTime();
      try {
        while (System.nanoTime() - t0 < watch.toNanos()) {
          drainSite(rawReader, site, raw, false);
          drainSite(enrichedReader, site, enriched, true);
        }
      } finally {
        stop(second);
      }
      drainSite(rawReader, site, raw, false);
      drainSite(enrichedReader, site, enriched, true);
      int afterRestart = site.requestCount() - beforeRestart;
      // a feed poll may happen every few seconds per feed; anything like the article count is a re-fetching burst
      int allowed = sources.size() * (int) (watch.toSeconds() / 5 + 2);
      LOG.info("Sample site: {} requests before the restart, {} in the {} after it (allowed {})", beforeRestart,
          afterRestart, watch, allowed);
      // each sample article once on the raw topic (fetched once) and once on the enriched topic
      long seen = raw.size() + enriched.size();
      long duplicated = raw.values().stream().mapToLong(n -> n - 1).sum()
          + enriched.values().stream().mapToLong(n -> n - 1).sum();
      Faults.Verdict v = new Faults.Verdict("restart-all-stages", 2L * articles, seen,
          Math.max(0, 2L * articles - seen), duplicated).print();
      assertThat(enriched).hasSize(articles);
      assertThat(raw).hasSize(articles);
      assertThat(v.lost()).isZero();
      assertThat(v.duplicated()).isZero();
      assertThat(afterRestart).isLessThanOrEqualTo(allowed).isLessThan(articles);
    }
  }

  private static Source source(String name, String url) {
    return new Source(name, url, SourceType.FEED, null, "en", null, List.of("fault"), "5s", "1m", true);
  }

  private static List<Stage> start(StageContext ctx, List<Source> sources) {
    List<Stage> stages = new ArrayList<>(List.of(IndexerApp.create(ctx), EnricherApp.create(ctx),
        PagesApp.create(ctx), FeedsApp.create(ctx, sources)));
    stages.forEach(Stage::start);
    return stages;
  }

  private static void stop(List<Stage> stages) {
    for (int i = stages.size() - 1; i >= 0; i--) {
      stages.get(i).close();
    }
  }

  /** Counts the records on a topic that come from this site, by article id. */
  private static void drainSite(KafkaConsumer<byte[], byte[]> reader, SampleSource site, Map<String, Integer> seen,
      boolean enriched) {
    for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(200))) {
      try {
        RawArticle a = enriched ? Json.read(r.value(), EnrichedArticle.class).article()
            : Json.read(r.value(), RawArticle.class);
        if (a.url() != null && a.url().startsWith(site.baseUrl())) {
          seen.merge(a.id(), 1, Integer::sum);
        }
      } catch (RuntimeException e) {
        // other scenarios' poison records share the topic; they are not this site's articles
        LOG.debug("Skipped an unreadable record at offset {}", r.offset());
      }
    }
  }
}
