package org.watchfloor.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;

/**
 * Creates the pipeline's topics if they are missing; safe to call from every stage at start. Compacted topics are
 * created compacted; the raw topic keeps {@code pipeline.raw.retention} (30 days unless set), so that history can be
 * re-read. Topics that exist are left as they are: their settings belong to whoever runs the cluster.
 */
public final class TopicSetup {
  /** Partitions of each topic created here, unless {@code pipeline.partitions} says otherwise. */
  public static final int DEFAULT_PARTITIONS = 3;
  /** How long the raw topic keeps articles, unless {@code pipeline.raw.retention} says otherwise. */
  public static final Duration DEFAULT_RAW_RETENTION = Duration.ofDays(30);

  private TopicSetup() {}

  /** Creates the missing topics as {@code settings} ask ({@code pipeline.*}). */
  public static void ensure(Admin admin, Settings settings) {
    ensure(admin, settings.getInt("pipeline.partitions", DEFAULT_PARTITIONS),
        (short) settings.getInt("pipeline.replication.factor", 1),
        settings.getDuration("pipeline.raw.retention", DEFAULT_RAW_RETENTION));
  }

  public static void ensure(Admin admin, int partitions, short replication) {
    ensure(admin, partitions, replication, DEFAULT_RAW_RETENTION);
  }

  /** The topics to create, of those the pipeline uses, given the ones that exist. */
  static List<NewTopic> missing(Set<String> existing, int partitions, short replication, Duration rawRetention) {
    List<NewTopic> missing = new ArrayList<>();
    for (String topic : Topics.ALL) {
      if (!existing.contains(topic)) {
        NewTopic t = new NewTopic(topic, partitions, replication);
        if (Topics.COMPACTED.contains(topic)) {
          t.configs(Map.of("cleanup.policy", "compact"));
        } else if (topic.equals(Topics.RAW)) {
          t.configs(Map.of("retention.ms", Long.toString(rawRetention.toMillis())));
        }
        missing.add(t);
      }
    }
    return missing;
  }

  public static void ensure(Admin admin, int partitions, short replication, Duration rawRetention) {
    try {
      List<NewTopic> missing = missing(admin.listTopics().names().get(), partitions, replication, rawRetention);
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
