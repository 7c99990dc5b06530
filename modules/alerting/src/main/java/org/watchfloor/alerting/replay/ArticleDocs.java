package org.watchfloor.alerting.replay;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Rebuilds an {@link EnrichedArticle} from an article document of the {@code watchfloor-articles} alias, as the
 * indexer's {@code ArticleDocuments} writes it: {@code article_id}, {@code url.full}, {@code event.created} (fetch
 * time), {@code actors}, {@code topic_scores}, {@code tension}, {@code dyads}. A document that is itself an enriched
 * article's JSON is read as such.
 */
public final class ArticleDocs {
  private ArticleDocs() {}

  public static EnrichedArticle fromDocument(JsonNode doc) {
    if (doc.has("schema_version") && doc.has("article")) {
      return org.watchfloor.model.Json.MAPPER.convertValue(doc, EnrichedArticle.class);
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
      tension = new Tension(score, level == null ? TensionLevel.of(score) : TensionLevel.valueOf(level),
          tn.path("goldstein_mean").asDouble(), strings(tn.path("evidence")));
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
        fingerprint, text(doc, "story_id"), text(doc, "duplicate_of"), fetched != null ? fetched : timestamp);
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
}
