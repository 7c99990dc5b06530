package org.watchfloor.model.config;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every key {@code watchfloor.yaml} may hold, in one place, so that a mistyped key stops the command instead of being
 * ignored. {@code kafka.*} keys pass straight through to the Kafka clients and are not checked here. A stage that reads
 * a new key adds it to {@link #KNOWN}.
 */
public final class SettingsKeys {
  private SettingsKeys() {}

  /** Prefixes whose keys are passed on to a library and not checked. */
  public static final List<String> PASS_THROUGH = List.of("kafka.");

  public static final Set<String> KNOWN = Set.copyOf(List.of(
      "admin.port", "admin.bind",
      "desk.bind", "desk.port", "desk.token", "desk.user", "desk.password",
      "elasticsearch.url", "elasticsearch.api.key", "elasticsearch.username", "elasticsearch.password",
      "elasticsearch.ca.cert", "elasticsearch.replicas",
      "pipeline.partitions", "pipeline.replication.factor", "pipeline.raw.retention",
      "services.wait.timeout",
      "enricher.application.id", "enricher.state.dir", "enricher.threads", "enricher.commit.interval",
      "enricher.dedupe.retention", "enricher.story.window", "enricher.story.max.distance",
      "enricher.aggregate.window", "enricher.aggregate.retention", "enricher.aggregate.emit.interval",
      "enricher.max.payload.bytes",
      "alerting.application.id", "alerting.state.dir", "alerting.instance", "alerting.threads",
      "alerting.rules.file", "alerting.commit.interval", "alerting.hits.retention", "alerting.tick",
      "alerting.notify.backoff", "alerting.notify.max.backoff", "alerting.notify.max.attempts",
      "alerting.notify.timeout", "alerting.webhook.secret", "alerting.notify.allow.private",
      "alerting.smtp.allow.private",
      "alerting.smtp.host", "alerting.smtp.port", "alerting.smtp.from", "alerting.smtp.username",
      "alerting.smtp.password", "alerting.smtp.starttls", "alerting.smtp.starttls.required", "alerting.smtp.timeout",
      "feeds.group.id", "feeds.threads", "feeds.publish.sources", "feeds.sources.enabled", "feeds.startup.jitter",
      "feeds.http.connect.timeout", "feeds.http.read.timeout", "feeds.http.total.timeout",
      "feeds.http.max.body.bytes", "feeds.http.max.decompressed.bytes", "feeds.http.max.redirects",
      "feeds.http.min.bytes.per.second", "feeds.http.rate.grace",
      "pages.group.id", "pages.workers", "pages.max.poll.records", "pages.max.text.chars", "pages.user.agent",
      "pages.host.delay", "pages.demo.host.delay", "pages.shutdown.grace",
      "pages.fetch.connect.timeout", "pages.fetch.read.timeout", "pages.fetch.total.timeout", "pages.fetch.max.bytes",
      "pages.retry.attempts", "pages.retry.backoff",
      "pages.robots.enabled", "pages.robots.agent", "pages.robots.cache.ttl",
      "indexer.group", "indexer.max.poll.records", "indexer.backoff.initial", "indexer.backoff.max",
      "indexer.bulk.actions", "indexer.bulk.bytes", "indexer.bulk.concurrent.requests"));

  /** Throws naming the file, the first unknown key and the nearest known one; {@code kafka.*} keys pass. */
  public static void check(String file, Iterable<String> keys) {
    for (String key : new TreeSet<>(toList(keys))) {
      if (PASS_THROUGH.stream().anyMatch(key::startsWith) || KNOWN.contains(key)) {
        continue;
      }
      throw new ConfigException(file, key, NearestKey.reason(key, KNOWN));
    }
  }

  private static List<String> toList(Iterable<String> keys) {
    List<String> list = new java.util.ArrayList<>();
    keys.forEach(list::add);
    return list;
  }
}
