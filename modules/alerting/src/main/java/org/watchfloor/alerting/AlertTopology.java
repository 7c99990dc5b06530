package org.watchfloor.alerting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerting.rules.RuleEngine;
import org.watchfloor.alerting.rules.RuleHit;
import org.watchfloor.alerting.rules.RuleProblem;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.Metrics;

/**
 * Builds the alerting topology: enriched articles are matched against the rule index into hits, the hits are
 * repartitioned by rule and query key, evaluated against windows and throttles in a state store, and the alerts
 * written to {@link Topics#ALERTS}; runtime rules come from the compacted {@link Topics#RULES} as a global store, and
 * a wall-clock punctuator drives flatlines and digests. Bad records go to the dead letters.
 */
public final class AlertTopology {
  private static final Logger LOG = LoggerFactory.getLogger(AlertTopology.class);

  public static final String STAGE = "alerting";
  public static final String RULES_STORE = "alert-rules";
  public static final String STATE_STORE = "alert-state";
  public static final String HITS = "rule-hits";

  private AlertTopology() {}

  /** Where a record goes: a hit to the repartition, an alert to the alerts topic, a dead letter with its headers. */
  enum Kind { HIT, ALERT, DEAD }

  /** A record on its way to its topic. */
  record Routed(Kind kind, byte[] value) {}

  public static Topology build(RuleRegistry registry, MeterRegistry metrics, Duration tick) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(tick, "tick");
    Counter alerts = metrics.counter(Metrics.ALERTS, "stage", STAGE);
    Counter dead = metrics.counter(Metrics.DEAD_LETTERS, "stage", STAGE);
    StreamsBuilder builder = new StreamsBuilder();

    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RULES_STORE), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        Topics.RULES,
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("rules-source"),
        () -> new RulesUpdater(registry, dead));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE_STORE), Serdes.String(), Serdes.ByteArray()));

    KStream<byte[], Routed> matched = builder
        .stream(Topics.ENRICHED, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("enriched-source"))
        .process(() -> new MatchProcessor(registry, alerts, dead), Named.as("match"));

    // alerts of stateless rules skip the repartition: one transaction fewer between article and notifier
    Map<String, KStream<byte[], Routed>> fromMatch = route(matched, "match-");
    fromMatch.get("match-alert").mapValues(Routed::value, Named.as("match-alert-value"))
        .to(Topics.ALERTS, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("match-alerts-sink"));
    KStream<byte[], Routed> evaluated = fromMatch.get("match-hit")
        .mapValues(Routed::value, Named.as("match-hit-value"))
        .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(HITS))
        .process(() -> new EvaluateProcessor(registry, alerts, dead, tick), Named.as("evaluate"), STATE_STORE);
    route(evaluated, "evaluate-").get("evaluate-alert").mapValues(Routed::value, Named.as("evaluate-alert-value"))
        .to(Topics.ALERTS, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("alerts-sink"));
    return builder.build();
  }

  /** Sends dead letters to their topic and returns the {@code alert} and {@code hit} branches. */
  private static Map<String, KStream<byte[], Routed>> route(KStream<byte[], Routed> stream, String prefix) {
    Map<String, KStream<byte[], Routed>> branches = stream.split(Named.as(prefix))
        .branch((k, v) -> v.kind() == Kind.DEAD, Branched.as("dead"))
        .branch((k, v) -> v.kind() == Kind.ALERT, Branched.as("alert"))
        .defaultBranch(Branched.as("hit"));
    branches.get(prefix + "dead")
        .mapValues(Routed::value, Named.as(prefix + "dead-value"))
        .to(Topics.DEAD_LETTERS, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(prefix + "dlq"));
    return branches;
  }

  static <K> Record<K, Routed> deadLetter(Record<K, byte[]> record, String origin, Throwable error, String url) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    DeadLetters.addHeaders(headers, STAGE, origin, error.getClass().getName(), message, url);
    return new Record<>(record.key(), new Routed(Kind.DEAD, record.value()), record.timestamp(), headers);
  }

  /** Keeps the global store of runtime rules and tells the registry it changed; invalid rules are logged. */
  static final class RulesUpdater implements Processor<String, byte[], Void, Void> {
    private final RuleRegistry registry;
    private final Counter dead;
    private KeyValueStore<String, byte[]> store;

    RulesUpdater(RuleRegistry registry, Counter dead) {
      this.registry = registry;
      this.dead = dead;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(RULES_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      String id = record.key();
      if (id == null) {
        LOG.warn("Rules topic record without a key ignored");
        dead.increment();
        return;
      }
      if (record.value() == null) {
        store.delete(id);
        LOG.info("Runtime rule {} deleted", id);
      } else if (org.watchfloor.alerting.rules.SilenceSpec.isTopicKey(id)) {
        try {
          var silence = org.watchfloor.alerting.rules.SilenceSpec.fromJson(id, record.value());
          LOG.info("Silence {} of rule {} until {}", id, silence.rule(), silence.until());
        } catch (IllegalArgumentException e) {
          LOG.warn("Runtime silence rejected: {}", e.getMessage());
          dead.increment();
        }
        store.put(id, record.value());
      } else {
        List<RuleProblem> problems = new ArrayList<>();
        if (registry.parse(id, record.value(), problems) == null) {
          problems.forEach(p -> LOG.warn("Runtime rule {} rejected: {}", id, p));
          dead.increment();
        } else {
          LOG.info("Runtime rule {} updated", id);
        }
        store.put(id, record.value());
      }
      registry.changed();
    }
  }

  /** Turns each enriched article into hits keyed by rule and query key, and into alerts for stateless rules. */
  static final class MatchProcessor implements Processor<byte[], byte[], byte[], Routed> {
    private final RuleRegistry registry;
    private final Counter alerts;
    private final Counter dead;
    private ProcessorContext<byte[], Routed> context;
    private KeyValueStore<String, byte[]> store;

    MatchProcessor(RuleRegistry registry, Counter alerts, Counter dead) {
      this.registry = registry;
      this.alerts = alerts;
      this.dead = dead;
    }

    @Override
    public void init(ProcessorContext<byte[], Routed> context) {
      this.context = context;
      this.store = context.getStateStore(RULES_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      EnrichedArticle article;
      try {
        article = Json.read(record.value(), EnrichedArticle.class);
        RuleEngine engine = registry.engine(store);
        List<Record<byte[], Routed>> out = new ArrayList<>();
        for (RuleHit hit : engine.match(article)) {
          if (engine.stateless(hit)) {
            for (Alert alert : engine.evaluate(hit, RuleEngine.NO_STATE)) {
              out.add(new Record<>(alert.id().getBytes(StandardCharsets.UTF_8), new Routed(Kind.ALERT,
                  Json.write(alert)), record.timestamp()));
            }
          } else {
            byte[] key = engine.routeKey(hit).getBytes(StandardCharsets.UTF_8);
            out.add(new Record<>(key, new Routed(Kind.HIT, Json.write(hit)), record.timestamp(), record.headers()));
          }
        }
        // forwarded only once the whole article was evaluated, so a failure sends it to the dead letters alone
        for (Record<byte[], Routed> r : out) {
          if (r.value().kind() == Kind.ALERT) {
            alerts.increment();
          }
          context.forward(r);
        }
      } catch (RuntimeException e) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        LOG.warn("Enriched article {} sent to the dead letters: {}", key, e.getMessage());
        dead.increment();
        context.forward(deadLetter(record, Topics.ENRICHED, e, null));
      }
    }
  }

  /** Evaluates hits against the rules' state and emits alerts; a punctuator runs flatlines and digests. */
  static final class EvaluateProcessor implements Processor<byte[], byte[], byte[], Routed> {
    private final RuleRegistry registry;
    private final Counter alerts;
    private final Counter dead;
    private final Duration tick;
    private ProcessorContext<byte[], Routed> context;
    private KeyValueStore<String, byte[]> rules;
    private StoreRuleState state;

    EvaluateProcessor(RuleRegistry registry, Counter alerts, Counter dead, Duration tick) {
      this.registry = registry;
      this.alerts = alerts;
      this.dead = dead;
      this.tick = tick;
    }

    @Override
    public void init(ProcessorContext<byte[], Routed> context) {
      this.context = context;
      this.rules = context.getStateStore(RULES_STORE);
      this.state = new StoreRuleState(context.getStateStore(STATE_STORE));
      context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::onTick);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      try {
        RuleHit hit = Json.read(record.value(), RuleHit.class);
        emit(registry.engine(rules).evaluate(hit, state), record.timestamp());
      } catch (RuntimeException e) {
        LOG.warn("Rule hit {} sent to the dead letters: {}", record.key() == null ? null
            : new String(record.key(), StandardCharsets.UTF_8), e.getMessage());
        dead.increment();
        context.forward(deadLetter(record, HITS, e, null));
      }
    }

    private void onTick(long now) {
      try {
        emit(registry.engine(rules).tick(Instant.ofEpochMilli(now), state), now);
      } catch (RuntimeException e) {
        LOG.error("Alert rule tick failed", e);
      }
    }

    private void emit(List<Alert> fired, long timestamp) {
      for (Alert alert : fired) {
        LOG.debug("Alert {} fired by rule {} for {}", alert.id(), alert.ruleId(), alert.key());
        alerts.increment();
        context.forward(new Record<>(alert.id().getBytes(StandardCharsets.UTF_8),
            new Routed(Kind.ALERT, Json.write(alert)), timestamp));
      }
    }
  }
}
