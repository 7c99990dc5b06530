package org.watchfloor.devstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.watchfloor.model.Topics;

/** Creates the pipeline's topics, idempotently. */
final class KafkaTopics {
  private KafkaTopics() {}

  static void createAll(Admin admin, int partitions, short replication) {
    List<NewTopic> topics = new ArrayList<>();
    for (String name : Topics.ALL) {
      NewTopic topic = new NewTopic(name, partitions, replication);
      if (Topics.COMPACTED.contains(name)) {
        topic.configs(Map.of("cleanup.policy", "compact"));
      }
      topics.add(topic);
    }
    create(admin, topics);
  }

  static void create(Admin admin, List<NewTopic> topics) {
    Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
    for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
      try {
        result.getValue().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("cannot create topic " + result.getKey(), e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while creating topic " + result.getKey(), e);
      }
    }
    awaitLeaders(admin, results.keySet());
  }

  /** The controller acknowledges a topic before the brokers' metadata has it; clients would see NOT_LEADER. */
  private static void awaitLeaders(Admin admin, Collection<String> names) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
        boolean ready = described.values().stream()
            .flatMap(d -> d.partitions().stream())
            .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        if (ready) {
          return;
        }
      } catch (ExecutionException | TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("topics " + names + " have no leaders after 30 s", e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for leaders of " + names, e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topics " + names + " have no leaders after 30 s");
      }
      try {
        Thread.sleep(50); // polling the broker's metadata; Awaitility is for tests
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for leaders of " + names, e);
      }
    }
  }
}
