package org.watchfloor.desk.query;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Alert;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.TopicScore;

/**
 * The JSON the page receives for an article or an alert: plain values only, links kept only when they are http or
 * https, Wikidata ids only when they look like one. The page renders every string as text.
 */
public final class ArticleRows {
  private static final Pattern WIKIDATA = Pattern.compile("Q[0-9]{1,12}");

  private ArticleRows() {}

  /** A stream or list row: what a viewer scans. */
  public static Map<String, Object> row(EnrichedArticle a, long storySize) {
    RawArticle r = a.article();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("title", r.title() == null ? "" : r.title());
    m.put("url", safeUrl(r.canonicalUrl() != null ? r.canonicalUrl() : r.url()));
    m.put("source", r.source());
    m.put("region", r.region());
    m.put("language", a.language());
    m.put("time", time(a));
    m.put("level", a.tension() == null || a.tension().level() == null ? null : a.tension().level().name());
    m.put("score", a.tension() == null ? null : Math.round(a.tension().score() * 10) / 10.0);
    List<Map<String, Object>> actors = new ArrayList<>();
    for (ActorMention am : a.actors()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", am.id());
      x.put("name", am.name());
      actors.add(x);
    }
    m.put("actors", actors);
    m.put("topics", a.topics().stream().map(TopicScore::id).toList());
    m.put("dyads", a.dyads().stream().map(Dyad::key).distinct().toList());
    m.put("story_id", a.storyId());
    m.put("story_size", storySize);
    m.put("duplicate_of", a.duplicateOf());
    return m;
  }

  /** The article view: the row plus the text cut into plain and evidence segments, actors with Wikidata links. */
  public static Map<String, Object> view(EnrichedArticle a, long storySize) {
    Map<String, Object> m = row(a, storySize);
    RawArticle r = a.article();
    List<String> evidence = a.tension() == null ? List.of() : a.tension().evidence();
    m.put("segments", Highlights.segments(r.text(), evidence));
    m.put("evidence", evidence);
    List<Map<String, Object>> actors = new ArrayList<>();
    for (ActorMention am : a.actors()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", am.id());
      x.put("name", am.name());
      x.put("type", am.type());
      x.put("count", am.count());
      String q = am.wikidata();
      x.put("wikidata", q != null && WIKIDATA.matcher(q).matches() ? "https://www.wikidata.org/wiki/" + q : null);
      actors.add(x);
    }
    m.put("actors", actors);
    List<Map<String, Object>> dyads = new ArrayList<>();
    for (Dyad d : a.dyads()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("key", d.key());
      x.put("event_class", d.eventClass());
      x.put("goldstein", d.goldstein());
      x.put("sentence", d.sentence());
      dyads.add(x);
    }
    m.put("dyads", dyads);
    m.put("topics", a.topics().stream().map(t -> Map.of("id", t.id(), "score",
        Math.round(t.score() * 100) / 100.0)).toList());
    m.put("published", r.published() == null ? null : r.published().toString());
    m.put("fetched", r.fetchedAt() == null ? null : r.fetchedAt().toString());
    m.put("authors", r.authors());
    return m;
  }

  /** An alert as the inbox shows it. */
  public static Map<String, Object> alert(Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("rule_id", a.ruleId());
    m.put("rule_name", a.ruleName());
    m.put("key", a.key());
    m.put("level", a.level() == null ? null : a.level().name());
    m.put("title", a.title());
    m.put("message", a.message());
    m.put("article_ids", a.articleIds());
    m.put("count", a.count());
    m.put("time", a.firedAt() == null ? null : a.firedAt().toString());
    return m;
  }

  /** The article's place on the timeline: published, else fetched, else enriched. */
  public static String time(EnrichedArticle a) {
    RawArticle r = a.article();
    Instant t = r.published() != null ? r.published() : r.fetchedAt() != null ? r.fetchedAt() : a.enrichedAt();
    return t == null ? null : t.toString();
  }

  /** The URL when it is an absolute http or https URL, else null: no {@code javascript:} or {@code data:} links. */
  public static String safeUrl(String url) {
    if (url == null || url.length() > 4096) {
      return null;
    }
    try {
      URI u = new URI(url.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
        return u.toString();
      }
    } catch (java.net.URISyntaxException e) {
      return null;
    }
    return null;
  }
}
