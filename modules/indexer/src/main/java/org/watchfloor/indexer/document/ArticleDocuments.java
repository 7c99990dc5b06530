package org.watchfloor.indexer.document;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.watchfloor.indexer.ArticleGenerations;
import org.watchfloor.indexer.IndexNames;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.StoryUpdate;
import org.watchfloor.model.Tension;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.TopicScore;

/**
 * Maps an {@link EnrichedArticle} to its Elasticsearch document (ECS names where they exist, flat keyword arrays) and
 * back: the one owner of the article document format, for the indexer that writes it and for whoever reads it.
 */
public final class ArticleDocuments {
  private ArticleDocuments() {}

  /** The fields story grouping may change after the article is indexed ({@link StoryUpdate}). */
  public static final List<String> STORY_FIELDS = List.of("story_id", "duplicate_of", "is_duplicate");

  /** {@code published}, else {@code fetched_at}, else the enrichment time: the article's place on the timeline. */
  public static Instant timestamp(EnrichedArticle a) {
    return timestamp(a.article().published(), a.article().fetchedAt(), a.enrichedAt());
  }

  static Instant timestamp(Instant published, Instant fetchedAt, Instant enrichedAt) {
    if (published != null) {
      return published;
    }
    if (fetchedAt != null) {
      return fetchedAt;
    }
    return enrichedAt != null ? enrichedAt : Instant.EPOCH;
  }

  /**
   * The index the article goes to, in the first generation of the article indices: the month of its publication
   * date, which every fetch of it reports alike; an undated article goes to {@link IndexNames#UNDATED_ARTICLES}, so
   * that a re-fetch in another month overwrites it.
   */
  public static String index(EnrichedArticle a) {
    return index(a, 1);
  }

  /** The index the article goes to in a generation of the article indices ({@link ArticleGenerations}). */
  public static String index(EnrichedArticle a, int generation) {
    return ArticleGenerations.index(generation, a.article().published());
  }

  /** The index of the article a story update is about: the same as its article's. */
  public static String index(StoryUpdate u, int generation) {
    return ArticleGenerations.index(generation, u.published());
  }

  /**
   * The document without its story fields: what a re-delivered article writes over an existing document, which may
   * already hold a story update that arrived first.
   */
  public static Map<String, Object> withoutStory(Map<String, Object> document) {
    Map<String, Object> partial = new LinkedHashMap<>(document);
    STORY_FIELDS.forEach(partial::remove);
    return partial;
  }

  /** The partial document a story update writes. */
  public static Map<String, Object> storyFields(StoryUpdate u) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("article_id", u.articleId());
    doc.put("story_id", u.storyId());
    put(doc, "duplicate_of", u.duplicateOf());
    doc.put("is_duplicate", u.duplicateOf() != null);
    return doc;
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
    put(doc, "classifier_version", a.classifierVersion());

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
      if (!t.reading().isEmpty()) {
        List<Map<String, Object>> reading = new ArrayList<>();
        for (Tension.EvidenceSentence e : t.reading()) {
          Map<String, Object> em = new LinkedHashMap<>();
          put(em, "sentence", e.sentence());
          put(em, "event_class", e.eventClass());
          em.put("class_probability", e.classProbability());
          em.put("severity", e.severity());
          em.put("context", e.context());
          reading.add(em);
        }
        tm.put("reading", reading);
      }
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

  /**
   * Reads an article document back as {@link #toDocument} wrote it: {@code article_id}, {@code url.full} and
   * {@code url.original}, {@code event.created} (fetch time), {@code actors}, {@code topic_scores}, {@code tension},
   * {@code dyads}. What the document does not keep comes back empty (actor surface forms, topic evidence, the lead
   * image) or as its nearest kept value (the language hint is the detected language). A document that is itself an
   * enriched article's JSON is read as such.
   *
   * @throws IllegalArgumentException when the document has no {@code article_id}
   */
  public static EnrichedArticle fromDocument(JsonNode doc) {
    if (doc.has("schema_version") && doc.has("article")) {
      return Json.MAPPER.convertValue(doc, EnrichedArticle.class);
    }
    String id = text(doc, "article_id");
    if (id == null) {
      throw new IllegalArgumentException("article document without article_id");
    }
    JsonNode url = doc.path("url");
    Instant fetched = instant(doc.path("event").path("created"));
    Instant published = instant(doc.path("published"));
    Instant timestamp = instant(doc.path("@timestamp"));
    RawArticle raw = new RawArticle(RawArticle.VERSION, id, text(url, "original") != null ? text(url, "original")
        : text(url, "full"), text(url, "full"), text(doc, "source"), text(doc, "region"), strings(doc.path("tags")),
        text(doc, "title"), text(doc, "text"), strings(doc.path("authors")), published, instant(doc.path("modified")),
        fetched != null ? fetched : timestamp, text(doc, "language"), null, text(doc, "site_name"),
        text(doc, "content_source"));
    List<ActorMention> actors = new ArrayList<>();
    for (JsonNode a : doc.path("actors")) {
      actors.add(new ActorMention(text(a, "id"), text(a, "type"), text(a, "name"), text(a, "wikidata"),
          text(a, "country"), a.path("count").asInt(1), List.of()));
    }
    List<TopicScore> topics = new ArrayList<>();
    for (JsonNode t : doc.path("topic_scores")) {
      topics.add(new TopicScore(text(t, "id"), t.path("score").asDouble(), List.of()));
    }
    if (topics.isEmpty()) {
      for (String t : strings(doc.path("topics"))) {
        topics.add(new TopicScore(t, 1.0, List.of()));
      }
    }
    Tension tension = null;
    JsonNode tn = doc.path("tension");
    if (tn.isObject()) {
      double score = tn.path("score").asDouble();
      String level = text(tn, "level");
      List<Tension.EvidenceSentence> reading = new ArrayList<>();
      for (JsonNode e : tn.path("reading")) {
        reading.add(new Tension.EvidenceSentence(text(e, "sentence"), text(e, "event_class"),
            e.path("class_probability").asDouble(), e.path("severity").asDouble(), strings(e.path("context"))));
      }
      tension = new Tension(score, level == null ? TensionLevel.of(score) : TensionLevel.valueOf(level),
          tn.path("goldstein_mean").asDouble(), strings(tn.path("evidence")), reading);
    }
    List<Dyad> dyads = new ArrayList<>();
    for (JsonNode d : doc.path("dyads")) {
      dyads.add(new Dyad(text(d, "source"), text(d, "target"), text(d, "event_class"), d.path("goldstein").asDouble(),
          text(d, "sentence")));
    }
    long fingerprint = 0;
    String fp = text(doc, "fingerprint");
    if (fp != null) {
      try {
        fingerprint = Long.parseUnsignedLong(fp, 16);
      } catch (NumberFormatException e) {
        fingerprint = 0;
      }
    }
    return new EnrichedArticle(EnrichedArticle.VERSION, raw, text(doc, "language"), actors, topics, tension, dyads,
        fingerprint, text(doc, "story_id"), text(doc, "duplicate_of"), fetched != null ? fetched : timestamp,
        text(doc, "classifier_version"));
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

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant instant(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() ? null : Instant.parse(n.asText());
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(v -> out.add(v.asText()));
    }
    return out;
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
