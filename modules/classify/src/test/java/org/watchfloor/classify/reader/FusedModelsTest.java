package org.watchfloor.classify.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Interleaving the weights changes where they sit, not what they say. */
class FusedModelsTest {
  private static LinearModel random(List<String> labels, int dim, SplittableRandom r) {
    int[] ids = new int[dim / 2];
    float[] w = new float[ids.length * labels.size()];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = k * 2;
    }
    for (int k = 0; k < w.length; k++) {
      w[k] = (float) r.nextGaussian();
    }
    float[] b = new float[labels.size()];
    for (int j = 0; j < b.length; j++) {
      b[j] = (float) r.nextGaussian();
    }
    return LinearModel.of(new LinearModel.Spec(labels, dim, ids, w, b));
  }

  @Test
  void fusedProbabilitiesEqualTheModelsReadOneByOne() {
    SplittableRandom r = new SplittableRandom(5);
    LinearModel five = random(List.of("0", "1", "2", "3", "4"), 64, r);
    LinearModel two = random(List.of("yes", "no"), 64, r);
    FusedModels fused = FusedModels.of(List.of(five, two));
    for (int trial = 0; trial < 20; trial++) {
      SparseVector x = new SparseVector(8);
      for (int k = 0; k < 8; k++) {
        x.add(r.nextInt(64), (float) r.nextDouble());
      }
      double[] z = fused.logits(x);
      double[] p = FusedModels.softmax(z, 0, 5);
      double[] expected = five.probabilities(x);
      for (int j = 0; j < 5; j++) {
        assertThat(p[j]).isCloseTo(expected[j], within(1e-9));
      }
      assertThat(FusedModels.probability(z, fused.offset(1), 0)).isCloseTo(two.probabilityOf(x, "yes"), within(1e-9));
    }
  }
}
