package org.watchfloor.alerting.rules;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.TensionLevel;

/**
 * A validated, compiled alert rule: a filter that turns articles into {@link RuleHit}s per query key, and a pure
 * evaluation of hits against state that yields alerts, throttled per key and optionally gathered into digests.
 */
public abstract class Rule {
  static final Mustache.Compiler MUSTACHE = Mustache.compiler().defaultValue("").escapeHTML(false);
  static final int MAX_ARTICLE_IDS = 50;

  private final RuleSpec spec;
  private final ArticleFilter filter;
  private final String groupBy;
  private final Duration realert;
  private final Duration digest;
  private final Template title;
  private final Template message;

  Rule(RuleSpec spec, Duration realert, Duration digest, String defaultTitle, String defaultMessage) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.filter = new ArticleFilter(spec.filter());
    this.groupBy = spec.groupBy() == null ? RuleLoader.GROUP_NONE : spec.groupBy();
    this.realert = realert;
    this.digest = digest;
    this.title = MUSTACHE.compile(spec.title() == null ? defaultTitle : spec.title());
    this.message = MUSTACHE.compile(spec.template() == null ? defaultMessage : spec.template());
  }

  public String id() {
    return spec.id();
  }

  public String name() {
    return spec.name() == null ? spec.id() : spec.name();
  }

  public String type() {
    return spec.type();
  }

  public RuleSpec spec() {
    return spec;
  }

  public List<String> channels() {
    return spec.channels().isEmpty() ? List.of(ChannelSpec.LOG) : spec.channels();
  }

  ArticleFilter filter() {
    return filter;
  }

  /** The partition key of a hit: per rule for rules whose state spans keys (digests, flatline), else per key. */
  public String routeKey(RuleHit hit) {
    return digest != null || keyedByRule() ? id() : id() + "|" + hit.key();
  }

  boolean keyedByRule() {
    return false;
  }

  /** Whether evaluating a hit needs no state at all, so that it can be done where the article is matched. */
  public boolean stateless() {
    return statelessType() && realert == null && digest == null;
  }

  boolean statelessType() {
    return false;
  }

  /** Evaluates one article end to end (filter, state, throttle, digest) without silences: pure given the state. */
  public List<Alert> evaluate(EnrichedArticle article, RuleState state) {
    List<Alert> out = new ArrayList<>();
    for (RuleHit hit : hits(ArticleFacts.of(article))) {
      out.addAll(evaluate(hit, state, List.of()));
    }
    return out;
  }

  /** The hits of an article for this rule: none when the filter rejects it, else one per query key. */
  public List<RuleHit> hits(ArticleFacts a) {
    if (!filter.matches(a)) {
      return List.of();
    }
    List<RuleHit> hits = new ArrayList<>(1);
    for (String key : keys(a)) {
      hits.add(a.hit(id(), key));
    }
    return hits;
  }

  private Set<String> keys(ArticleFacts a) {
    switch (groupBy) {
      case RuleLoader.GROUP_ACTOR: {
        Set<String> wanted = new LinkedHashSet<>(filter.actors());
        wanted.addAll(filter.allActors());
        return restrict(a.actors(), wanted);
      }
      case RuleLoader.GROUP_DYAD:
        return restrict(a.dyads(), filter.dyads());
      case RuleLoader.GROUP_SOURCE:
        return a.source() == null ? Set.of() : Set.of(a.source());
      case RuleLoader.GROUP_TOPIC: {
        Set<String> keys = new LinkedHashSet<>();
        a.topics().forEach((t, s) -> {
          if (s >= filter.minTopicScore() && (filter.topics().isEmpty() || filter.topics().contains(t))) {
            keys.add(t);
          }
        });
        return keys;
      }
      default:
        return Set.of("*");
    }
  }

  private static Set<String> restrict(Set<String> present, Set<String> wanted) {
    if (wanted.isEmpty()) {
      return present;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String p : present) {
      if (wanted.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Evaluates one hit: the rule's own logic, then silences, throttling per alert key, then the digest if the rule has
   * one.
   */
  public final List<Alert> evaluate(RuleHit hit, RuleState state, List<SilenceSpec> silences) {
    List<Alert> out = new ArrayList<>();
    if (digest != null) {
      out.addAll(flushDigest(hit.eventTime(), state, false));
    }
    for (Draft draft : fire(hit, state)) {
      deliverable(draft, state, silences, hit.eventTime(), out);
    }
    return out;
  }

  /** Work driven by the clock rather than by articles: quiet keys for flatline rules, due digests. */
  public final List<Alert> tick(Instant now, RuleState state, List<SilenceSpec> silences) {
    List<Alert> out = new ArrayList<>();
    for (Draft draft : onTick(now, state)) {
      deliverable(draft, state, silences, now, out);
    }
    if (digest != null) {
      out.addAll(flushDigest(now, state, false));
    }
    return out;
  }

  private void deliverable(Draft draft, RuleState state, List<SilenceSpec> silences, Instant now, List<Alert> out) {
    for (SilenceSpec s : silences) {
      if (s.mutes(id(), draft.key(), now)) {
        return;
      }
    }
    if (realert != null) {
      String key = "throttle|" + id() + "|" + draft.key();
      RuleStates.Stamp last = state.get(key, RuleStates.Stamp.class);
      long at = draft.firedAt().toEpochMilli();
      if (last != null && at - last.at() < realert.toMillis() && at >= last.at()) {
        return;
      }
      state.put(key, new RuleStates.Stamp(at));
    }
    // rendering comes last: most drafts of a busy rule are throttled, and templates are the costly part
    Alert alert = render(draft);
    if (digest != null) {
      addToDigest(alert, state);
    } else {
      out.add(alert);
    }
  }

  private void addToDigest(Alert alert, RuleState state) {
    String key = "digest|" + id();
    RuleStates.Digest d = state.get(key, RuleStates.Digest.class);
    long period = digest.toMillis();
    long start = Math.floorDiv(alert.firedAt().toEpochMilli(), period) * period;
    List<Alert> alerts = new ArrayList<>(d == null ? List.of() : d.alerts());
    alerts.add(alert);
    state.put(key, new RuleStates.Digest(d == null ? start : Math.min(d.periodStart(), start), alerts));
  }

  /** Emits the digest when its period is over at {@code now}; {@code force} emits it regardless (end of a replay). */
  public List<Alert> flushDigest(Instant now, RuleState state, boolean force) {
    if (digest == null) {
      return List.of();
    }
    String key = "digest|" + id();
    RuleStates.Digest d = state.get(key, RuleStates.Digest.class);
    if (d == null || d.alerts().isEmpty()) {
      return List.of();
    }
    long end = d.periodStart() + digest.toMillis();
    if (!force && now.toEpochMilli() < end) {
      return List.of();
    }
    state.put(key, null);
    List<Alert> parts = d.alerts();
    Set<String> articleIds = new LinkedHashSet<>();
    Set<String> actors = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    TensionLevel level = TensionLevel.LOW;
    long count = 0;
    StringBuilder lines = new StringBuilder();
    for (Alert a : parts) {
      if (articleIds.size() < MAX_ARTICLE_IDS) {
        articleIds.addAll(a.articleIds());
      }
      actors.addAll(a.actors());
      keys.add(a.key());
      if (a.level() != null && a.level().atLeast(level)) {
        level = a.level();
      }
      count += Math.max(1, a.count());
      lines.append("- ").append(a.title()).append('\n');
    }
    Instant ws = Instant.ofEpochMilli(d.periodStart());
    Instant we = Instant.ofEpochMilli(end);
    String id = AlertIds.of(id(), "digest", Long.toString(d.periodStart()));
    String title = name() + ": digest of " + parts.size() + " alert" + (parts.size() == 1 ? "" : "s");
    return List.of(new Alert(Alert.VERSION, id, id(), name(), type(), "digest", level, title,
        title + "\n" + lines, new ArrayList<>(articleIds), new ArrayList<>(actors), count, ws, we, we, channels()));
  }

  /** The rule type's own logic for one hit, before silences, throttling and digests. */
  abstract List<Draft> fire(RuleHit hit, RuleState state);

  List<Draft> onTick(Instant now, RuleState state) {
    return List.of();
  }

  String stateKey(String kind, String key) {
    return kind + "|" + id() + "|" + key;
  }

  /** An alert not yet rendered: what a rule type decided, before silences and throttling. */
  record Draft(String idSeed, String key, TensionLevel level, List<String> articleIds, List<String> actors, long count,
      Instant windowStart, Instant windowEnd, Instant firedAt, RuleHit hit, Map<String, Object> extra) {}

  Draft alert(String idSeed, String key, TensionLevel level, List<String> articleIds, List<String> actors, long count,
      Instant windowStart, Instant windowEnd, Instant firedAt, RuleHit hit, Map<String, Object> extra) {
    return new Draft(idSeed, key, level, articleIds, actors, count, windowStart, windowEnd, firedAt, hit, extra);
  }

  /** Builds the alert, rendering the rule's title and message templates over its fields and the draft's extras. */
  Alert render(Draft d) {
    String idSeed = d.idSeed();
    String key = d.key();
    TensionLevel level = d.level();
    List<String> articleIds = d.articleIds();
    List<String> actors = d.actors();
    long count = d.count();
    Instant windowStart = d.windowStart();
    Instant windowEnd = d.windowEnd();
    Instant firedAt = d.firedAt();
    RuleHit hit = d.hit();
    Map<String, Object> extra = d.extra();
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("rule_id", id());
    ctx.put("rule_name", name());
    ctx.put("rule_type", type());
    ctx.put("key", key);
    ctx.put("level", level);
    ctx.put("count", count);
    ctx.put("window_start", windowStart);
    ctx.put("window_end", windowEnd);
    ctx.put("fired_at", firedAt);
    ctx.put("actors", String.join(", ", actors));
    if (hit != null) {
      ctx.put("article_id", hit.articleId());
      ctx.put("article_title", hit.title());
      ctx.put("article_url", hit.url());
      ctx.put("source", hit.source());
      ctx.put("score", String.format(java.util.Locale.ROOT, "%.1f", hit.score()));
    }
    ctx.putAll(extra);
    String t = title.execute(ctx).strip();
    ctx.put("title", t);
    String m = message.execute(ctx).strip();
    List<String> ids = articleIds.size() > MAX_ARTICLE_IDS
        ? articleIds.subList(articleIds.size() - MAX_ARTICLE_IDS, articleIds.size()) : articleIds;
    return new Alert(Alert.VERSION, AlertIds.of(id(), key, idSeed), id(), name(), type(), key, level, t, m, ids,
        actors, count, windowStart, windowEnd, firedAt, channels());
  }
}
