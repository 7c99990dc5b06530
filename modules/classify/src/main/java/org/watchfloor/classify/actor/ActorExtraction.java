package org.watchfloor.classify.actor;

import java.util.List;
import org.watchfloor.model.ActorMention;

/** The actors of an article, aggregated per id, plus every single mention in text order for dyads. */
public record ActorExtraction(List<ActorMention> actors, List<ActorHit> hits) {
  public ActorExtraction {
    actors = List.copyOf(actors);
    hits = List.copyOf(hits);
  }
}
