package org.watchfloor.classify.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.classify.ConfigDir;
import org.watchfloor.classify.tension.TensionConfig;
import org.watchfloor.classify.tension.TensionScorer;
import org.watchfloor.classify.text.Tokens;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.config.YamlFiles;

class TensionFitTest {
  private static final TensionConfig BASE =
      YamlFiles.read(ConfigDir.find().resolve(Classifiers.TENSION_FILE), TensionConfig.class);

  private static TensionLevel[] labels(int n) {
    TensionLevel[] out = new TensionLevel[n];
    for (int i = 0; i < n; i++) {
      // uneven level counts, as in the dev set
      out[i] = TensionLevel.values()[(i * i + i / 3) % 5];
    }
    return out;
  }

  @Test
  void foldsAreDeterministicDisjointCoveringAndStratified() {
    TensionLevel[] labels = labels(134);
    int[][] folds = TensionFit.folds(labels, 5, 7);
    assertThat(TensionFit.folds(labels, 5, 7)).isDeepEqualTo(folds);
    assertThat(TensionFit.folds(labels, 5, 8)).isNotEqualTo(folds);
    Set<Integer> seen = new HashSet<>();
    for (int[] fold : folds) {
      assertThat(fold.length).isBetween(134 / 5, 134 / 5 + 1);
      for (int i : fold) {
        assertThat(seen.add(i)).as("index %d in two folds", i).isTrue();
      }
    }
    assertThat(seen).hasSize(134).allMatch(i -> i >= 0 && i < 134);
    for (TensionLevel level : TensionLevel.values()) {
      int[] counts = Arrays.stream(folds)
          .mapToInt(f -> (int) Arrays.stream(f).filter(i -> labels[i] == level).count()).toArray();
      assertThat(Arrays.stream(counts).max().getAsInt() - Arrays.stream(counts).min().getAsInt())
          .as("%s per fold %s", level, Arrays.toString(counts)).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void complementIsTheRestInOrder() {
    assertThat(TensionFit.complement(6, new int[] {1, 4})).containsExactly(0, 2, 3, 5);
    assertThat(TensionFit.complement(3, new int[] {})).containsExactly(0, 1, 2);
  }

  @Test
  void handValuesRebuildTheSameConfigAndAChangedFactorReachesTheScorer() {
    List<TensionFit.Param> params = TensionFit.params(BASE, List.of("all"));
    assertThat(params).extracting(TensionFit.Param::name)
        .contains("aggregation.top_weight", "factor.negation", "intensity.assault", "casualties.mass_from")
        .doesNotContain("factor.present", "aggregation.baseline", "aggregation.floor");
    double[] hand = TensionFit.handValues(params);
    assertThat(TensionFit.apply(BASE, params, hand)).isEqualTo(BASE);

    String denied = "South Korea said it was not seeing signs that North Korea fired a ballistic missile.";
    double[] noNegation = hand.clone();
    noNegation[params.stream().map(TensionFit.Param::name).toList().indexOf("factor.negation")] = 1.0;
    double before = TensionScorer.of(BASE, "hand").score(Tokens.of(denied), 0, List.of()).tension().score();
    double after = TensionScorer.of(TensionFit.apply(BASE, params, noNegation), "fit")
        .score(Tokens.of(denied), 0, List.of()).tension().score();
    assertThat(after).isGreaterThan(before);
  }

  @Test
  void scoresCompareExactFirstThenWithinOneThenError() {
    assertThat(new TensionFit.Score(10, 12, 5).betterThan(new TensionFit.Score(9, 14, 1))).isTrue();
    assertThat(new TensionFit.Score(10, 13, 5).betterThan(new TensionFit.Score(10, 12, 1))).isTrue();
    assertThat(new TensionFit.Score(10, 12, 4).betterThan(new TensionFit.Score(10, 12, 5))).isTrue();
    assertThat(new TensionFit.Score(10, 12, 5).betterThan(new TensionFit.Score(10, 12, 5))).isFalse();
  }
}
