package org.watchfloor.alerting.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;

/**
 * Evaluates a set of rules with their silences: {@link #match} turns an article into hits through the rule index,
 * {@link #evaluate(RuleHit, RuleState)} turns a hit into alerts against state, and {@link #tick} runs the clock-driven
 * part. Pure: all state lives in the {@link RuleState} passed in.
 */
public final class RuleEngine {
  private final RuleIndex index;
  private final Map<String, Rule> byId = new HashMap<>();
  private final List<SilenceSpec> silences;

  public RuleEngine(List<Rule> rules, List<SilenceSpec> silences) {
    this.index = new RuleIndex(rules);
    for (Rule r : rules) {
      byId.put(r.id(), r);
    }
    this.silences = List.copyOf(silences);
  }

  public static RuleEngine of(RuleSet set) {
    return new RuleEngine(set.rules(), set.silences());
  }

  public List<Rule> rules() {
    return index.rules();
  }

  public Rule rule(String id) {
    return byId.get(id);
  }

  /** The hits of an article for every rule whose filter it passes. */
  public List<RuleHit> match(EnrichedArticle article) {
    ArticleFacts facts = ArticleFacts.of(article);
    List<RuleHit> hits = new ArrayList<>();
    for (Rule r : index.candidates(facts)) {
      hits.addAll(r.hits(facts));
    }
    return hits;
  }

  /** The alerts one hit produces; none when its rule has been removed since. */
  public List<Alert> evaluate(RuleHit hit, RuleState state) {
    Rule r = byId.get(hit.ruleId());
    return r == null ? List.of() : r.evaluate(hit, state, silences);
  }

  /** The state of rules that keep none: reading finds nothing, writing is a programming error. */
  public static final RuleState NO_STATE = new RuleState() {
    @Override
    public <T> T get(String key, Class<T> type) {
      return null;
    }

    @Override
    public void put(String key, Object value) {
      throw new IllegalStateException("a stateless rule tried to keep state under " + key);
    }
  };

  /** Whether the hit's rule keeps no state, so {@code evaluate(hit, NO_STATE)} may run where it was matched. */
  public boolean stateless(RuleHit hit) {
    Rule r = byId.get(hit.ruleId());
    return r != null && r.stateless();
  }

  /** Matches and evaluates an article in one go, as a single-partition replay does. */
  public List<Alert> evaluate(EnrichedArticle article, RuleState state) {
    List<Alert> out = new ArrayList<>();
    for (RuleHit hit : match(article)) {
      out.addAll(evaluate(hit, state));
    }
    return out;
  }

  /** Clock-driven alerts at {@code now}: flatlines and due digests. */
  public List<Alert> tick(Instant now, RuleState state) {
    List<Alert> out = new ArrayList<>();
    for (Rule r : index.rules()) {
      out.addAll(r.tick(now, state, silences));
    }
    return out;
  }

  /** Emits every pending digest, due or not (the end of a replay). */
  public List<Alert> flush(Instant now, RuleState state) {
    List<Alert> out = new ArrayList<>();
    for (Rule r : index.rules()) {
      out.addAll(r.flushDigest(now, state, true));
    }
    return out;
  }

  public String routeKey(RuleHit hit) {
    Rule r = byId.get(hit.ruleId());
    return r == null ? hit.ruleId() : r.routeKey(hit);
  }
}
