package org.watchfloor.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.watchfloor.model.Topics;

/** Creates the pipeline's topics if they are missing; safe to call from every stage at start. */
public final class TopicSetup {
  private TopicSetup() {}

  public static void ensure(Admin admin, int partitions, short replication) {
    try {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : Topics.ALL) {
        if (!existing.contains(topic)) {
          NewTopic t = new NewTopic(topic, partitions, replication);
          if (Topics.COMPACTED.contains(topic)) {
            t.configs(Map.of("cleanup.policy", "compact"));
          }
          missing.add(t);
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
