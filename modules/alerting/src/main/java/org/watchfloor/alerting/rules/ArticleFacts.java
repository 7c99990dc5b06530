package org.watchfloor.alerting.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.TopicScore;

/** What the rules look at in one enriched article, computed once and shared by every rule tried on it. */
public final class ArticleFacts {
  private final EnrichedArticle article;
  private final Set<String> actors;
  private final Set<String> dyads;
  private final Map<String, Double> topics;
  private final Instant eventTime;
  private String lowerText;

  private ArticleFacts(EnrichedArticle article) {
    this.article = article;
    Set<String> a = new LinkedHashSet<>();
    for (ActorMention m : article.actors()) {
      if (m != null && m.id() != null) {
        a.add(m.id());
      }
    }
    this.actors = Collections.unmodifiableSet(a);
    Set<String> d = new LinkedHashSet<>();
    for (Dyad dyad : article.dyads()) {
      if (dyad != null && dyad.source() != null && dyad.target() != null) {
        d.add(dyad.key());
      }
    }
    this.dyads = Collections.unmodifiableSet(d);
    Map<String, Double> t = new HashMap<>();
    for (TopicScore ts : article.topics()) {
      if (ts != null && ts.id() != null) {
        t.merge(ts.id(), ts.score(), Math::max);
      }
    }
    this.topics = Collections.unmodifiableMap(t);
    this.eventTime = eventTime(article);
  }

  public static ArticleFacts of(EnrichedArticle article) {
    if (article == null || article.article() == null || article.article().id() == null) {
      throw new IllegalArgumentException("enriched article without an article id");
    }
    return new ArticleFacts(article);
  }

  /** The time rules use for an article: when it was fetched, else when it was enriched, else when published. */
  public static Instant eventTime(EnrichedArticle a) {
    RawArticle raw = a.article();
    if (raw != null && raw.fetchedAt() != null) {
      return raw.fetchedAt();
    }
    if (a.enrichedAt() != null) {
      return a.enrichedAt();
    }
    if (raw != null && raw.published() != null) {
      return raw.published();
    }
    return Instant.EPOCH;
  }

  public EnrichedArticle article() {
    return article;
  }

  public String id() {
    return article.article().id();
  }

  public Set<String> actors() {
    return actors;
  }

  public Set<String> dyads() {
    return dyads;
  }

  public Map<String, Double> topics() {
    return topics;
  }

  public Instant eventTime() {
    return eventTime;
  }

  public String source() {
    return article.article().source();
  }

  public String language() {
    return article.language() != null ? article.language() : article.article().languageHint();
  }

  public double score() {
    return article.tension() == null ? 0 : article.tension().score();
  }

  public TensionLevel level() {
    if (article.tension() == null) {
      return TensionLevel.LOW;
    }
    return article.tension().level() != null ? article.tension().level() : TensionLevel.of(score());
  }

  /** Title and text in lower case, computed on first use since most rules never look at keywords. */
  public String lowerText() {
    if (lowerText == null) {
      RawArticle raw = article.article();
      String title = raw.title() == null ? "" : raw.title();
      String text = raw.text() == null ? "" : raw.text();
      lowerText = (title + "\n" + text).toLowerCase(Locale.ROOT);
    }
    return lowerText;
  }

  RuleHit hit(String ruleId, String key) {
    RawArticle raw = article.article();
    return new RuleHit(RuleHit.VERSION, ruleId, key, id(), eventTime, raw.title(), raw.url(), raw.source(), level(),
        score(), new ArrayList<>(actors));
  }

  List<String> actorList() {
    return new ArrayList<>(actors);
  }
}
