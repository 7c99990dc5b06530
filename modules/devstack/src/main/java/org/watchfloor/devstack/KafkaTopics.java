package org.watchfloor.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
  }
}
