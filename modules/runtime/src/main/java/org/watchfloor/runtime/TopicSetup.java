package org.watchfloor.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;

/**
 * Creates the pipeline's topics if they are missing, and waits until every partition of those it created has a
 * leader; safe to call from every stage at start. Compacted topics are created compacted; the raw topic keeps
 * {@code pipeline.raw.retention} (30 days unless set), so that history can be re-read. Topics that exist are left as
 * they are: their settings belong to whoever runs the cluster.
 */
public final class TopicSetup {
  /** Partitions of each topic created here, unless {@code pipeline.partitions} says otherwise. */
  public static final int DEFAULT_PARTITIONS = 3;
  /** How long the raw topic keeps articles, unless {@code pipeline.raw.retention} says otherwise. */
  public static final Duration DEFAULT_RAW_RETENTION = Duration.ofDays(30);

  /** How long new partitions may take to get a leader. */
  static final Duration LEADER_WAIT = Duration.ofSeconds(30);

  private TopicSetup() {}

  /** Creates the missing topics as {@code settings} ask ({@code pipeline.*}). */
  public static void ensure(Admin admin, Settings settings) {
    ensure(admin, settings.getInt("pipeline.partitions", DEFAULT_PARTITIONS),
        (short) settings.getInt("pipeline.replication.factor", 1),
        settings.getDuration("pipeline.raw.retention", DEFAULT_RAW_RETENTION));
  }

  /**
   * Waits until every partition of the topics has a leader. Producing to a partition created a moment before can
   * meet NOT_LEADER_OR_FOLLOWER, and an idempotent producer's retried first batch then meets
   * OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout and is lost; under load this lost the first batch of
   * feed states (dozens of sources) in some benchmark runs.
   */
  static void awaitLeaders(Admin admin, Collection<String> topics, Duration timeout)
      throws InterruptedException, ExecutionException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean ready = true;
      try {
        for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
          for (TopicPartitionInfo p : d.partitions()) {
            ready &= p.leader() != null && !p.leader().isEmpty();
          }
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        ready = false;
      }
      if (ready) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("the new topics " + topics + " have partitions without a leader after "
            + timeout.toSeconds() + " s");
      }
      Thread.sleep(100);
    }
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
      List<String> created = new ArrayList<>();
      missing.forEach(t -> created.add(t.name()));
      awaitLeaders(admin, created, LEADER_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
