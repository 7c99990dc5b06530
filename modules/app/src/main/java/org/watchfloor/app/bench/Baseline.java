package org.watchfloor.app.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Json;
import org.watchfloor.runtime.ProducerTuning;

/**
 * The yardstick: the same articles through the same broker with nothing of ours in the way, once as plain
 * produce+consume and once through an exactly-once pass-through Streams app configured like the enricher.
 */
final class Baseline {
  private static final Logger LOG = LoggerFactory.getLogger(Baseline.class);
  static final String IN = "watchfloor.bench.baseline.v1";
  static final String OUT = "watchfloor.bench.passthrough.v1";

  private Baseline() {}

  static BenchResult.Baseline measure(String bootstrap, Admin admin, SyntheticArticles articles, long n,
      java.nio.file.Path stateDir, int partitions) throws InterruptedException {
    try {
      admin.createTopics(List.of(new NewTopic(IN, partitions, (short) 1), new NewTopic(OUT, partitions, (short) 1)))
          .all().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("cannot create the baseline topics", e);
    }
    double produceConsume = produceConsume(bootstrap, articles, n);
    double passThrough = passThrough(bootstrap, n, stateDir);
    LOG.info("Baseline over {} articles: produce+consume {}/s, pass-through Streams {}/s", n,
        Math.round(produceConsume), Math.round(passThrough));
    return new BenchResult.Baseline(n, produceConsume, passThrough);
  }

  private static double produceConsume(String bootstrap, SyntheticArticles articles, long n)
      throws InterruptedException {
    AtomicLong consumed = new AtomicLong();
    Thread reader = new Thread(() -> {
      try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, "watchfloor-bench-baseline", false)) {
        consumer.subscribe(List.of(IN));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (consumed.get() < n && System.nanoTime() < deadline) {
          consumed.addAndGet(consumer.poll(Duration.ofMillis(100)).count());
        }
      }
    }, "bench-baseline-consumer");
    reader.start();
    long t0 = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = BenchRunner.producer(bootstrap)) {
      for (long i = 0; i < n; i++) {
        var a = articles.article(i);
        producer.send(new ProducerRecord<>(IN, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a)));
      }
      producer.flush();
    }
    reader.join(TimeUnit.MINUTES.toMillis(5));
    double seconds = (System.nanoTime() - t0) / 1e9;
    return consumed.get() / seconds;
  }

  private static double passThrough(String bootstrap, long n, java.nio.file.Path stateDir) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(IN, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .to(OUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    Properties p = new Properties();
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "watchfloor-bench-passthrough");
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    // the enricher's own producer settings, so that the two figures differ by the topology only
    ProducerTuning.applyToStreams(p);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    AtomicLong out = new AtomicLong();
    long t0;
    try (KafkaStreams streams = new KafkaStreams(builder.build(), p);
        KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, "watchfloor-bench-passthrough-reader", true)) {
      consumer.subscribe(List.of(OUT));
      t0 = System.nanoTime();
      streams.start();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (out.get() < n && System.nanoTime() < deadline) {
        out.addAndGet(consumer.poll(Duration.ofMillis(100)).count());
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      streams.close(Duration.ofSeconds(30));
      return out.get() / seconds;
    }
  }

  static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String group, boolean readCommitted) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    if (readCommitted) {
      p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

}
