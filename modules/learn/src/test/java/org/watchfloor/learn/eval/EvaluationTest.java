package org.watchfloor.learn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.classify.Classification;
import org.watchfloor.learn.data.LabelledArticle;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Tension;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.TopicScore;

class EvaluationTest {
  private static Evaluation.Outcome outcome(TensionLevel gold, List<TensionLevel> accepted, TensionLevel predicted,
      String kind) {
    LabelledArticle a = new LabelledArticle("x", null, null, null, kind, null, "s", true, gold, accepted,
        List.of("PRK", "KOR"), List.of(), List.of("military"), List.of(), "t", "x");
    Classification c = new Classification("en",
        List.of(new ActorMention("PRK", "STATE", "North Korea", null, "PRK", 1, List.of()),
            new ActorMention("JPN", "STATE", "Japan", null, "JPN", 1, List.of())),
        List.of(new TopicScore("military", 1, List.of())),
        new Tension(predicted.ordinal() * 20 + 10, predicted, 0, List.of()), List.of(), 0L);
    return new Evaluation.Outcome(a, c);
  }

  @Test
  void perfectAgreementScoresOneAndTheIntervalHoldsTheValue() {
    List<Evaluation.Outcome> o = new ArrayList<>();
    for (TensionLevel l : TensionLevel.values()) {
      o.add(outcome(l, List.of(l), l, "conflict"));
      o.add(outcome(l, List.of(l), l, "conflict"));
    }
    List<Evaluation.Measure> m = Evaluation.measure(o);
    Evaluation.Measure kappa = m.stream().filter(x -> x.name().startsWith("quadratic")).findFirst().orElseThrow();
    assertThat(kappa.value()).isCloseTo(1.0, within(1e-9));
    assertThat(Evaluation.spearman(o)).isCloseTo(1.0, within(1e-9));
    for (Evaluation.Measure x : m) {
      if (x.n() > 0 && !Double.isNaN(x.value()) && !x.name().endsWith("(count)")) {
        assertThat(x.value()).as(x.name()).isBetween(x.low(), x.high());
      }
    }
  }

  @Test
  void kappaPunishesFarErrorsMoreThanNearOnes() {
    List<Evaluation.Outcome> near = new ArrayList<>();
    List<Evaluation.Outcome> far = new ArrayList<>();
    for (TensionLevel l : TensionLevel.values()) {
      near.add(outcome(l, List.of(l), TensionLevel.values()[Math.min(4, l.ordinal() + 1)], "conflict"));
      far.add(outcome(l, List.of(l), TensionLevel.values()[4 - l.ordinal()], "conflict"));
    }
    assertThat(Evaluation.kappa(near)).isGreaterThan(0.5);
    assertThat(Evaluation.kappa(far)).isLessThan(0);
  }

  @Test
  void acceptedSetsHardNegativesAndHighPrecision() {
    List<Evaluation.Outcome> o = List.of(
        outcome(TensionLevel.HIGH, List.of(TensionLevel.HIGH, TensionLevel.ELEVATED), TensionLevel.ELEVATED, "conflict"),
        outcome(TensionLevel.LOW, List.of(TensionLevel.LOW), TensionLevel.HIGH, "hard_negative"),
        outcome(TensionLevel.SEVERE, List.of(TensionLevel.SEVERE), TensionLevel.HIGH, "conflict"),
        outcome(TensionLevel.LOW, List.of(TensionLevel.LOW), TensionLevel.LOW, "hard_negative"));
    assertThat(Evaluation.accepted(o)).isCloseTo(0.5, within(1e-9));
    List<Evaluation.Measure> m = Evaluation.measure(o);
    assertThat(m).filteredOn(x -> x.name().equals("hard negatives at LOW or GUARDED"))
        .singleElement().satisfies(x -> assertThat(x.value()).isEqualTo(0.5));
    assertThat(m).filteredOn(x -> x.name().equals("hard negatives above ELEVATED (count)"))
        .singleElement().satisfies(x -> assertThat(x.value()).isEqualTo(1));
    assertThat(m).filteredOn(x -> x.name().equals("precision of HIGH and SEVERE"))
        .singleElement().satisfies(x -> assertThat(x.value()).isEqualTo(0.5));
    // states: PRK right, JPN wrong, KOR missed, in every article
    double[] pr = Evaluation.stateCounts(o);
    assertThat(pr[0]).isCloseTo(0.5, within(1e-9));
    assertThat(pr[1]).isCloseTo(0.5, within(1e-9));
    assertThat(Evaluation.topicF1(o)).isCloseTo(1.0, within(1e-9));
  }
}
