package org.watchfloor.model;

import java.util.List;

/** The tension of an article: a 0-100 score, its level, and the sentences that weighed most. */
public record Tension(double score, TensionLevel level, double goldsteinMean, List<String> evidence) {
  public Tension {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
