package org.watchfloor.classify;

import java.util.List;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.Tension;
import org.watchfloor.model.TopicScore;

/** Everything the classifier says about one article; each part carries its evidence. */
public record Classification(
    String language,
    List<ActorMention> actors,
    List<TopicScore> topics,
    Tension tension,
    List<Dyad> dyads,
    long fingerprint) {
  public Classification {
    actors = List.copyOf(actors);
    topics = List.copyOf(topics);
    dyads = List.copyOf(dyads);
  }
}
