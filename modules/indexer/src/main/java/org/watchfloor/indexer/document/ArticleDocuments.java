package org.watchfloor.indexer.document;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Tension;
import org.watchfloor.model.TopicScore;
import org.watchfloor.indexer.IndexNames;

/** Maps an {@link EnrichedArticle} to its Elasticsearch document: ECS names where they exist, flat keyword arrays. */
public final class ArticleDocuments {
  private ArticleDocuments() {}

  /** {@code published}, else {@code fetched_at}, else the enrichment time: the article's place on the timeline. */
  public static Instant timestamp(EnrichedArticle a) {
    RawArticle r = a.article();
    if (r.published() != null) {
      return r.published();
    }
    if (r.fetchedAt() != null) {
      return r.fetchedAt();
    }
    return a.enrichedAt() != null ? a.enrichedAt() : Instant.EPOCH;
  }

  /** The monthly index the article goes to. */
  public static String index(EnrichedArticle a) {
    return IndexNames.articlesIndex(timestamp(a));
  }

  /** The document; {@code ingested} becomes {@code event.ingested}. Null values are left out. */
  public static Map<String, Object> toDocument(EnrichedArticle a, Instant ingested) {
    Objects.requireNonNull(a, "article");
    RawArticle r = Objects.requireNonNull(a.article(), "article.article");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("@timestamp", timestamp(a).toString());
    Map<String, Object> event = new LinkedHashMap<>();
    put(event, "kind", "event");
    put(event, "dataset", "watchfloor.articles");
    put(event, "created", r.fetchedAt());
    put(event, "ingested", ingested);
    doc.put("event", event);
    doc.put("article_id", r.id());

    String url = r.canonicalUrl() != null ? r.canonicalUrl() : r.url();
    if (url != null) {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("full", url);
      put(u, "original", r.url());
      put(u, "domain", domain(url));
      doc.put("url", u);
    }
    put(doc, "title", r.title());
    put(doc, "text", r.text());
    putList(doc, "authors", r.authors());
    put(doc, "site_name", r.siteName());
    put(doc, "content_source", r.contentSource());
    put(doc, "published", r.published());
    put(doc, "modified", r.modified());
    put(doc, "source", r.source());
    put(doc, "region", r.region());
    putList(doc, "tags", r.tags());
    put(doc, "language", a.language());
    put(doc, "story_id", a.storyId());
    put(doc, "duplicate_of", a.duplicateOf());
    doc.put("is_duplicate", a.duplicateOf() != null);
    doc.put("fingerprint", Long.toUnsignedString(a.fingerprint(), 16));

    List<Map<String, Object>> actors = new ArrayList<>();
    Set<String> actorIds = new LinkedHashSet<>();
    Set<String> actorNames = new LinkedHashSet<>();
    for (ActorMention m : a.actors()) {
      Map<String, Object> am = new LinkedHashMap<>();
      put(am, "id", m.id());
      put(am, "name", m.name());
      put(am, "type", m.type());
      put(am, "country", m.country());
      put(am, "wikidata", m.wikidata());
      am.put("count", m.count());
      actors.add(am);
      if (m.id() != null) {
        actorIds.add(m.id());
      }
      if (m.name() != null) {
        actorNames.add(m.name());
      }
    }
    doc.put("actors", actors);
    doc.put("actor_ids", List.copyOf(actorIds));
    doc.put("actor_names", List.copyOf(actorNames));

    List<String> topics = new ArrayList<>();
    List<Map<String, Object>> scores = new ArrayList<>();
    for (TopicScore t : a.topics()) {
      topics.add(t.id());
      Map<String, Object> ts = new LinkedHashMap<>();
      ts.put("id", t.id());
      ts.put("score", t.score());
      scores.add(ts);
    }
    doc.put("topics", topics);
    doc.put("topic_scores", scores);

    Tension t = a.tension();
    if (t != null) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("score", t.score());
      put(tm, "level", t.level() == null ? null : t.level().name());
      tm.put("goldstein_mean", t.goldsteinMean());
      putList(tm, "evidence", t.evidence());
      doc.put("tension", tm);
    }

    List<Map<String, Object>> dyads = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    Set<String> classes = new LinkedHashSet<>();
    for (Dyad d : a.dyads()) {
      Map<String, Object> dm = new LinkedHashMap<>();
      put(dm, "source", d.source());
      put(dm, "target", d.target());
      put(dm, "event_class", d.eventClass());
      dm.put("goldstein", d.goldstein());
      String key = d.key();
      dm.put("key", key);
      put(dm, "sentence", d.sentence());
      dyads.add(dm);
      keys.add(key);
      if (d.eventClass() != null) {
        classes.add(d.eventClass());
      }
    }
    doc.put("dyads", dyads);
    doc.put("dyad_keys", List.copyOf(keys));
    doc.put("event_classes", List.copyOf(classes));
    return doc;
  }

  /** The host of a URL, lower case, without {@code www.}; null when there is none. */
  public static String domain(String url) {
    try {
      String host = URI.create(url.trim()).getHost();
      if (host == null) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value instanceof Instant ? value.toString() : value);
    }
  }

  static void putList(Map<String, Object> m, String key, List<String> values) {
    if (values != null && !values.isEmpty()) {
      m.put(key, values);
    }
  }
}
