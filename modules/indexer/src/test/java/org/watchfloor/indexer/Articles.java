package org.watchfloor.indexer;

import java.time.Instant;
import java.util.List;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.Tension;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.TopicScore;

/** Builds enriched articles for tests. */
public final class Articles {
  private Articles() {}

  public static EnrichedArticle article(String id, Instant published, String title, double tension,
      List<String> actorIds, List<String> topics) {
    RawArticle raw = new RawArticle(RawArticle.VERSION, id, "https://www.example.org/news/" + id, null, "example-wire",
        "east-asia", List.of("defence"), title, title + ". The text of the article about " + String.join(" and ", actorIds)
        + ".", List.of("A. Writer"), published, null, published == null ? Instant.parse("2026-11-20T10:00:00Z")
        : published.plusSeconds(60), "en", null, "Example", RawArticle.FROM_PAGE);
    List<ActorMention> actors = actorIds.stream()
        .map(a -> new ActorMention(a, "STATE", "Name of " + a, null, a, 1, List.of(a)))
        .toList();
    List<TopicScore> ts = topics.stream().map(t -> new TopicScore(t, 0.8, List.of(t))).toList();
    List<Dyad> dyads = actorIds.size() >= 2
        ? List.of(new Dyad(actorIds.get(0), actorIds.get(1), "THREATEN", -7.0, "A threatens B."))
        : List.of();
    return new EnrichedArticle(EnrichedArticle.VERSION, raw, "en", actors, ts,
        new Tension(tension, TensionLevel.of(tension), -5.0, List.of("A threatens B.")), dyads, 0x8000_0000_0000_0001L,
        id, null, Instant.parse("2026-11-20T10:05:00Z"));
  }
}
