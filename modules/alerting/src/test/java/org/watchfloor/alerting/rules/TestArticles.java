package org.watchfloor.alerting.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Tension;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.TopicScore;

/** Builds enriched articles for rule tests. */
public final class TestArticles {
  public static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

  private String id = "a1";
  private Instant at = T0;
  private String source = "yonhap";
  private String language = "en";
  private String title = "Title";
  private String text = "Text";
  private double score = 10;
  private final List<ActorMention> actors = new ArrayList<>();
  private final List<TopicScore> topics = new ArrayList<>();
  private final List<Dyad> dyads = new ArrayList<>();

  public static TestArticles article(String id) {
    TestArticles b = new TestArticles();
    b.id = id;
    return b;
  }

  public TestArticles at(Instant t) {
    this.at = t;
    return this;
  }

  public TestArticles atMinute(long minutes) {
    this.at = T0.plusSeconds(minutes * 60);
    return this;
  }

  public TestArticles source(String s) {
    this.source = s;
    return this;
  }

  public TestArticles language(String l) {
    this.language = l;
    return this;
  }

  public TestArticles title(String t) {
    this.title = t;
    return this;
  }

  public TestArticles text(String t) {
    this.text = t;
    return this;
  }

  public TestArticles score(double s) {
    this.score = s;
    return this;
  }

  public TestArticles actors(String... ids) {
    for (String a : ids) {
      actors.add(new ActorMention(a, "STATE", a, null, a, 1, List.of(a)));
    }
    return this;
  }

  public TestArticles topic(String topic, double s) {
    topics.add(new TopicScore(topic, s, List.of()));
    return this;
  }

  public TestArticles dyad(String source, String target) {
    dyads.add(new Dyad(source, target, "THREATEN", -7, "sentence"));
    return this;
  }

  public EnrichedArticle build() {
    RawArticle raw = new RawArticle(RawArticle.VERSION, id, "https://example.org/" + id, null, source, "asia",
        List.of(), title, text, List.of(), at, null, at, language, null, null, RawArticle.FROM_PAGE);
    return new EnrichedArticle(EnrichedArticle.VERSION, raw, language, actors, topics,
        new Tension(score, TensionLevel.of(score), 0, List.of()), dyads, 0L, id, null, at);
  }
}
