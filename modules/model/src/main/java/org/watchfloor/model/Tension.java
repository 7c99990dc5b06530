package org.watchfloor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The tension of an article: a 0-100 score, its level, and the sentences that weighed most.
 *
 * @param evidence the sentences that drove the level, heaviest first
 * @param reading the same sentences as the learned reader read them (event class, probabilities, context); empty
 *     when the rules alone rate tension
 */
public record Tension(double score, TensionLevel level, double goldsteinMean, List<String> evidence,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EvidenceSentence> reading) {
  public Tension {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    reading = reading == null ? List.of() : List.copyOf(reading);
  }

  /** A tension without the reader's reading of its evidence (the rules alone). */
  public Tension(double score, TensionLevel level, double goldsteinMean, List<String> evidence) {
    this(score, level, goldsteinMean, evidence, List.of());
  }

  /**
   * One evidence sentence as the learned reader read it.
   *
   * @param eventClass the PLOVER quad class: none, vcp, mcp, vcf or mcf (verbal or material cooperation or conflict)
   * @param classProbability the probability of that class
   * @param severity the expected level of the sentence alone, 0 (LOW) to 4 (SEVERE)
   * @param context the context the reader found likely: negated, hedged, background, rhetoric
   */
  public record EvidenceSentence(String sentence, String eventClass, double classProbability, double severity,
      List<String> context) {
    public EvidenceSentence {
      context = context == null ? List.of() : List.copyOf(context);
    }
  }
}
