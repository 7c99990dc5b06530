package org.watchfloor.app.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.watchfloor.runtime.Metrics;

/** A snapshot of the pipeline's counters and its total consumer lag, as the status and summary lines show it. */
public record PipelineStatus(
    long entries, long fetched, long enriched, long indexed, long alerts, long delivered, long deadLetters, long lag) {

  /** Reads the counters from the registry; lag is -1 when it could not be measured. */
  public static PipelineStatus of(MeterRegistry registry, long lag) {
    return new PipelineStatus(
        sum(registry, Metrics.ENTRIES), sum(registry, Metrics.FETCHED), sum(registry, Metrics.ENRICHED),
        sum(registry, Metrics.INDEXED), sum(registry, Metrics.ALERTS), sum(registry, Metrics.DELIVERED),
        sum(registry, Metrics.DEAD_LETTERS), lag);
  }

  /** A compact counters line for logs of a single stage. */
  public static String counters(MeterRegistry registry) {
    Map<String, Long> byName = new java.util.TreeMap<>();
    registry.getMeters().forEach(m -> {
      if (m instanceof Counter c && m.getId().getName().startsWith("watchfloor.")) {
        byName.merge(m.getId().getName().substring("watchfloor.".length()), (long) c.count(), Long::sum);
      }
    });
    StringBuilder sb = new StringBuilder();
    byName.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return sb.length() == 0 ? "no records yet" : sb.toString();
  }

  /** Sum of a counter over all its tags; the indexer tags documents by kind, articles count as indexed. */
  static long sum(MeterRegistry registry, String name) {
    double total = 0;
    for (Counter c : registry.find(name).counters()) {
      String kind = c.getId().getTag("kind");
      if (Metrics.INDEXED.equals(name) && kind != null && !"article".equals(kind)) {
        continue;
      }
      total += c.count();
    }
    return (long) total;
  }

  /** Total lag of every Watchfloor consumer group (consumers and Streams apps), or -1 if Kafka did not answer. */
  public static long consumerLag(Admin admin) {
    try {
      long lag = 0;
      for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
        if (!group.groupId().startsWith("watchfloor")) {
          continue;
        }
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
            admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
        for (var e : committed.entrySet()) {
          if (e.getValue() != null && ends.containsKey(e.getKey())) {
            lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
          }
        }
      }
      return lag;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }

  public String statusLine() {
    return String.format("fetched=%d enriched=%d indexed=%d alerts=%d dead_letters=%d lag=%s",
        fetched, enriched, indexed, alerts, deadLetters, lag < 0 ? "?" : Long.toString(lag));
  }

  public String summaryLine() {
    return String.format("summary fetched=%d enriched=%d indexed=%d alerts=%d dead_letters=%d",
        fetched, enriched, indexed, alerts, deadLetters);
  }
}
