package org.watchfloor.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.app.bench.RateLimiter;
import org.watchfloor.app.bench.SyntheticArticles;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.enricher.EnricherApp;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.indexer.IndexNames;
import org.watchfloor.indexer.IndexerApp;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * Scenario 2: raw articles keep arriving while Elasticsearch is down (20 s, 60 s under {@code -Pfaults}); after its
 * restart the index holds every unique article once. Some articles are sent twice to show that re-deliveries do not
 * become extra documents. (OutageIT in the indexer covers the indexer alone with re-deliveries across the outage.)
 */
class ElasticsearchOutageIT {
  @TempDir Path dir;

  @AfterAll
  static void nodeIsBackForOtherScenarios() {
    DevStack stack = SharedStack.get();
    if (!stack.elasticsearch().isRunning()) {
      stack.elasticsearch().restart();
    }
  }

  @Test
  void afterAnElasticsearchOutageUnderLoadTheIndexHoldsEveryUniqueArticleOnce() throws Exception {
    DevStack stack = SharedStack.get();
    String bootstrap = stack.kafka().bootstrapServers();
    String run = Faults.runId("es-outage");
    Duration outage = Faults.scaled(Duration.ofSeconds(20), Duration.ofSeconds(60));
    Duration before = Duration.ofSeconds(5);
    Duration after = Duration.ofSeconds(10);
    int rate = Faults.longRun() ? 30 : 20;
    Map<String, String> values = new HashMap<>();
    values.put("enricher.application.id", "fault-enricher-" + run);
    values.put("enricher.state.dir", dir.toString());
    // a consumer group of its own: sharing the Streams application id would clash with its group protocol
    values.put("indexer.group", "fault-indexer-" + run);
    values.put("indexer.backoff.initial", "200ms");
    values.put("indexer.backoff.max", "2s");
    StageContext ctx = new StageContext(Settings.of(values, Faults.configDir()), bootstrap,
        stack.elasticsearch().url(), new SimpleMeterRegistry());
    SyntheticArticles articles = new SyntheticArticles(run, 0, 13);
    AtomicLong unique = new AtomicLong();
    long resent = 0;
    ElasticsearchClient client = EsClients.create(ctx.settings(), stack.elasticsearch().url());
    Stage indexer = IndexerApp.create(ctx);
    Stage enricher = EnricherApp.create(ctx);
    indexer.start();
    enricher.start();
    try (KafkaProducer<byte[], byte[]> producer = Faults.producer(bootstrap)) {
      RateLimiter limiter = new RateLimiter(rate);
      long t0 = System.nanoTime();
      long stopAt = t0 + before.toNanos();
      long restartAt = stopAt + outage.toNanos();
      long endAt = restartAt + after.toNanos();
      boolean stopped = false;
      boolean restarted = false;
      int i = 0;
      while (System.nanoTime() < endAt) {
        limiter.acquire();
        RawArticle a = articles.article(i);
        send(producer, a);
        unique.incrementAndGet();
        if (i % 10 == 5) {
          send(producer, articles.article(i - 5));  // a re-delivery
          resent++;
        }
        i++;
        long now = System.nanoTime();
        if (!stopped && now >= stopAt) {
          producer.flush();
          stack.elasticsearch().stop();
          stopped = true;
        } else if (stopped && !restarted && now >= restartAt) {
          // restart() blocks until the node is yellow; articles keep being produced meanwhile by the backlog
          stack.elasticsearch().restart();
          restarted = true;
          limiter = new RateLimiter(rate);
        }
      }
      producer.flush();
      long n = unique.get();
      Faults.waitUntil(Duration.ofSeconds(240), () -> count(client, run) >= n);
      // anything beyond would be a duplicate document: give late writes a moment
      await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
      long indexed = count(client, run);
      Faults.Verdict v = new Faults.Verdict("es-outage-" + outage.toSeconds() + "s", n, Math.min(indexed, n),
          Math.max(0, n - indexed), Math.max(0, indexed - n)).print();
      assertThat(v.lost()).isZero();
      assertThat(v.duplicated()).isZero();
      assertThat(resent).isPositive();
    } finally {
      Faults.closeWithin(enricher, Duration.ofSeconds(60));
      boolean indexerClosed = Faults.closeWithin(indexer, Duration.ofSeconds(60));
      if (indexerClosed) {
        EsClients.close(client);
      }
    }
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, RawArticle a) {
    producer.send(new ProducerRecord<>(Topics.RAW, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a)));
  }

  private static long count(ElasticsearchClient client, String run) throws Exception {
    client.indices().refresh(r -> r.index(IndexNames.ARTICLES).ignoreUnavailable(true).allowNoIndices(true));
    return client.count(c -> c.index(IndexNames.ARTICLES).ignoreUnavailable(true).allowNoIndices(true)
        .query(q -> q.prefix(p -> p.field("article_id").value(run + "-")))).count();
  }
}
