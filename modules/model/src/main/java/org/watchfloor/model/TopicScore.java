package org.watchfloor.model;

import java.util.List;

/** A topic label with its score in [0, 1] and the terms that produced it. */
public record TopicScore(String id, double score, List<String> evidence) {
  public TopicScore {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
