package org.watchfloor.alerting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerting.rules.Rule;
import org.watchfloor.alerting.rules.RuleEngine;
import org.watchfloor.alerting.rules.RuleLoader;
import org.watchfloor.alerting.rules.RuleProblem;
import org.watchfloor.alerting.rules.RuleSet;
import org.watchfloor.alerting.rules.SilenceSpec;
import org.watchfloor.model.Topics;

/**
 * The rules in force for one alerting instance: the file's rules as defaults, overridden by the runtime rules of the
 * rules topic (same id replaces, a new id adds, a tombstone restores the default), with the file's silences and the
 * topic's ({@code silence/<id>} keys); rebuilt when the topic changes.
 */
public final class RuleRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(RuleRegistry.class);

  private final RuleSet fileRules;
  private final RuleLoader loader;
  private final AtomicLong version = new AtomicLong();
  private volatile long builtVersion = -1;
  private volatile RuleEngine engine;

  public RuleRegistry(RuleSet fileRules, RuleLoader loader) {
    this.fileRules = Objects.requireNonNull(fileRules, "fileRules");
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  public RuleSet fileRules() {
    return fileRules;
  }

  public RuleLoader loader() {
    return loader;
  }

  /** Called when the rules topic changed; engines are rebuilt on next use. */
  void changed() {
    version.incrementAndGet();
  }

  /** Parses a runtime rule, for validation when it arrives; null with problems when it is invalid. */
  Rule parse(String id, byte[] json, List<RuleProblem> problems) {
    if (SilenceSpec.isTopicKey(id)) {
      problems.add(new RuleProblem(Topics.RULES, id, null, "a silence, not a rule"));
      return null;
    }
    Rule r = loader.parseRule(json, Topics.RULES + "[" + id + "]", fileRules.channels(), problems);
    if (r != null && !r.id().equals(id)) {
      problems.add(new RuleProblem(Topics.RULES, id, "id", "record key '" + id + "' differs from rule id '"
          + r.id() + "'"));
      return null;
    }
    return r;
  }

  /** The engine for the file rules merged with the runtime rules in {@code runtime}, rebuilt if they changed. */
  public RuleEngine engine(ReadOnlyKeyValueStore<String, byte[]> runtime) {
    long v = version.get();
    RuleEngine e = engine;
    if (e != null && builtVersion == v) {
      return e;
    }
    synchronized (this) {
      if (engine == null || builtVersion != version.get()) {
        long building = version.get();
        engine = build(runtime);
        builtVersion = building;
      }
      return engine;
    }
  }

  private RuleEngine build(ReadOnlyKeyValueStore<String, byte[]> runtime) {
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (Rule r : fileRules.rules()) {
      rules.put(r.id(), r);
    }
    int runtimeCount = 0;
    List<SilenceSpec> silences = new ArrayList<>(fileRules.silences());
    if (runtime != null) {
      try (KeyValueIterator<String, byte[]> it = runtime.all()) {
        while (it.hasNext()) {
          KeyValue<String, byte[]> kv = it.next();
          if (SilenceSpec.isTopicKey(kv.key)) {
            try {
              silences.add(SilenceSpec.fromJson(kv.key, kv.value));
            } catch (IllegalArgumentException e) {
              // reported when it arrived
            }
            continue;
          }
          List<RuleProblem> problems = new ArrayList<>();
          Rule r = parse(kv.key, kv.value, problems);
          if (r == null) {
            // the rule was reported when it arrived; the file's rule of that id, if any, stays in force
            continue;
          }
          runtimeCount++;
          if (r.spec().isEnabled()) {
            rules.put(r.id(), r);
          } else {
            rules.remove(r.id());
          }
        }
      }
    }
    LOG.info("Alert rules in force: {} ({} from the rules topic), silences: {}", rules.size(), runtimeCount,
        silences.size());
    return new RuleEngine(new ArrayList<>(rules.values()), silences);
  }
}
