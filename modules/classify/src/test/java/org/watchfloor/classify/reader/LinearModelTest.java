package org.watchfloor.classify.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearModelTest {
  private static final LinearModel MODEL = LinearModel.of(new LinearModel.Spec(List.of("no", "yes"), 8,
      new int[] {1, 5}, new float[] {0f, 2f, 1f, -1f}, new float[] {0.5f, -0.5f}));

  @Test
  void softmaxOfBiasAndWeights() {
    SparseVector x = new SparseVector(2);
    x.add(1, 1f);
    // z(no) = 0.5 + 0, z(yes) = -0.5 + 2
    double[] p = MODEL.probabilities(x);
    assertThat(p[1]).isCloseTo(1 / (1 + Math.exp(0.5 - 1.5)), within(1e-9));
    assertThat(p[0] + p[1]).isCloseTo(1.0, within(1e-12));
    assertThat(MODEL.probabilityOf(x, "yes")).isCloseTo(p[1], within(1e-12));
    assertThat(MODEL.probabilityOf(x, "maybe")).isZero();
  }

  @Test
  void aRepeatedFeatureCountsTwiceAndAnUnknownOneNotAtAll() {
    SparseVector twice = new SparseVector(2);
    twice.add(5, 1f);
    twice.add(5, 1f);
    twice.add(3, 7f);
    double[] p = MODEL.probabilities(twice);
    // z(no) = 0.5 + 2, z(yes) = -0.5 - 2
    assertThat(p[0]).isCloseTo(1 / (1 + Math.exp(-5.0)), within(1e-9));
  }

  @Test
  void theStoredFormKeepsOnlyFeaturesWithWeights() {
    LinearModel.Spec spec = MODEL.spec();
    assertThat(spec.ids()).containsExactly(1, 5);
    assertThat(spec.weights()).containsExactly(0f, 2f, 1f, -1f);
    assertThat(LinearModel.of(spec).spec().bias()).containsExactly(0.5f, -0.5f);
  }

  @Test
  void anInconsistentModelIsRefused() {
    assertThatThrownBy(() -> LinearModel.of(new LinearModel.Spec(List.of("a", "b"), 4, new int[] {9},
        new float[] {1f, 1f}, new float[] {0f, 0f}))).hasMessageContaining("outside 0..3");
    assertThatThrownBy(() -> LinearModel.of(new LinearModel.Spec(List.of("a", "b"), 4, new int[] {1},
        new float[] {1f}, new float[] {0f, 0f}))).hasMessageContaining("inconsistent");
  }
}
