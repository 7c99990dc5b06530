package org.watchfloor.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchfloor.app.bench.SyntheticArticles;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.StoryUpdate;
import org.watchfloor.model.Topics;

/**
 * Story grouping scaled out: 2 or 3 enricher instances, each in a JVM of its own, share the partitions; every article
 * has a syndicated copy under another id, which lands on another partition (most of the time) and is enriched by
 * another instance (often). Every copy must still join its original's story (the original's own, or the earlier
 * article's whose story the original joined: the raw topic is shared with the other scenarios, whose articles each
 * new application reads too), and every article be enriched once.
 */
class StoriesAcrossInstancesIT {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} enricher instances")
  @ValueSource(ints = {2, 3})
  void copiesJoinTheirOriginalsStoryWhicheverInstanceEnrichedThem(int instances) throws Exception {
    String bootstrap = SharedStack.kafkaOnly().kafka().bootstrapServers();
    String run = Faults.runId("stories-" + instances);
    int originals = 150;
    Map<String, String> values = new HashMap<>();
    values.put("enricher.application.id", "scale-" + run);
    values.put("pipeline.partitions", "3");

    List<ChildStage> children = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    List<String> copies = new ArrayList<>();
    Map<String, Integer> seen = Faults.newCounts();
    Map<String, StoryUpdate> stories = new HashMap<>();
    try {
      for (int i = 0; i < instances; i++) {
        Map<String, String> own = new HashMap<>(values);
        own.put("enricher.state.dir", dir.resolve("instance-" + i).toString());
        children.add(ChildStage.launch("enricher", bootstrap, Faults.configDir(), own));
      }
      for (ChildStage child : children) {
        assertThat(child.awaitReady(Duration.ofSeconds(180))).as("enricher instance started").isTrue();
      }
      // texts of their own: the raw topic is shared with the other scenarios, and each new application reads it all
      SyntheticArticles articles = new SyntheticArticles(run, 0, run.hashCode());
      try (KafkaProducer<byte[], byte[]> producer = Faults.producer(bootstrap);
          KafkaConsumer<byte[], byte[]> enriched = Faults.committedReader(bootstrap, Topics.ENRICHED);
          KafkaConsumer<byte[], byte[]> storyReader = Faults.committedReader(bootstrap, Topics.STORIES)) {
        for (int i = 0; i < originals; i++) {
          RawArticle a = articles.article(i);
          RawArticle copy = Faults.copyOf(a, a.id() + "-copy");
          // the copy first for every third article: it must still end in the earlier article's story
          List<RawArticle> order = i % 3 == 0 ? List.of(copy, a) : List.of(a, copy);
          for (RawArticle r : order) {
            expected.add(r.id());
            producer.send(new ProducerRecord<>(Topics.RAW, r.id().getBytes(StandardCharsets.UTF_8), Json.write(r)));
          }
          copies.add(copy.id());
        }
        producer.flush();
        Faults.waitUntil(Duration.ofSeconds(180), () -> {
          Faults.drain(enriched, run, seen);
          Faults.drainStories(storyReader, run, stories);
          return seen.size() >= expected.size() && Faults.ungrouped(copies, stories).isEmpty();
        });
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
          Faults.drain(enriched, run, seen);
          Faults.drainStories(storyReader, run, stories);
        }
        // stories settle eventually: an original that joins an earlier story passes it on to its copies a moment later
        Faults.waitUntil(Duration.ofSeconds(60), () -> {
          Faults.drainStories(storyReader, run, stories);
          return Faults.ungrouped(copies, stories).isEmpty();
        });
      }
    } finally {
      for (ChildStage child : children) {
        child.close();
      }
    }
    Faults.Verdict v = Faults.Verdict.of("stories-" + instances + "-instances", expected, seen).print();
    List<String> ungrouped = Faults.ungrouped(copies, stories);
    System.out.printf("stories %d instances: copies=%d grouped=%d%n", instances, copies.size(),
        copies.size() - ungrouped.size());
    ungrouped.stream().limit(5).forEach(c -> System.out.println("ungrouped " + c + ": " + stories.get(c)
        + "; its original: " + stories.get(c.substring(0, c.length() - "-copy".length()))));

    assertThat(v.lost()).isZero();
    assertThat(v.duplicated()).isZero();
    assertThat(ungrouped).as("copies not in their original's story").isEmpty();
  }
}
