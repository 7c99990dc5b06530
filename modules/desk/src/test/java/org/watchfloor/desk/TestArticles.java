package org.watchfloor.desk;

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

/** Articles written for the desk's tests: a builder over the fields the desk shows and filters on. */
public final class TestArticles {
  private String id;
  private String title = "A title";
  private String text = "Some text.";
  private String url;
  private String source = "desk-test";
  private String region = "east-asia";
  private String language = "en";
  private double score = 10;
  private final List<String> actors = new ArrayList<>();
  private final List<String> topics = new ArrayList<>();
  private final List<String> dyads = new ArrayList<>();
  private final List<String> evidence = new ArrayList<>();
  private Instant time = Instant.now();
  private String story;
  private String duplicateOf;

  private TestArticles(String id) {
    this.id = id;
    this.url = "https://news.example.org/" + id;
  }

  public static TestArticles article(String id) {
    return new TestArticles(id);
  }

  public TestArticles title(String t) { title = t; return this; }
  public TestArticles text(String t) { text = t; return this; }
  public TestArticles url(String u) { url = u; return this; }
  public TestArticles source(String s) { source = s; return this; }
  public TestArticles region(String r) { region = r; return this; }
  public TestArticles language(String l) { language = l; return this; }
  public TestArticles score(double s) { score = s; return this; }
  public TestArticles actors(String... a) { actors.addAll(List.of(a)); return this; }
  public TestArticles topics(String... t) { topics.addAll(List.of(t)); return this; }
  public TestArticles dyads(String... d) { dyads.addAll(List.of(d)); return this; }
  public TestArticles evidence(String... e) { evidence.addAll(List.of(e)); return this; }
  public TestArticles at(Instant t) { time = t; return this; }
  public TestArticles story(String s) { story = s; return this; }
  public TestArticles duplicateOf(String d) { duplicateOf = d; return this; }

  public EnrichedArticle build() {
    RawArticle raw = new RawArticle(RawArticle.VERSION, id, url, url, source, region, List.of(), title, text,
        List.of(), time, null, time, language, null, "Desk Test", RawArticle.FROM_PAGE);
    List<ActorMention> mentions = actors.stream().map(a -> new ActorMention(a, "STATE", "Name of " + a,
        a.equals("PRK") ? "Q423" : null, a, 1, List.of(a))).toList();
    List<TopicScore> ts = topics.stream().map(t -> new TopicScore(t, 0.8, List.of())).toList();
    List<Dyad> ds = dyads.stream().map(d -> new Dyad(Dyad.sourceOf(d), d.substring(d.indexOf('>') + 1), "threaten",
        -6, "A sentence.")).toList();
    return new EnrichedArticle(EnrichedArticle.VERSION, raw, language, mentions, ts,
        new Tension(score, TensionLevel.of(score), -2, evidence), ds, 42L, story == null ? id : story, duplicateOf,
        time);
  }
}
