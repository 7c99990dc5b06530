package org.watchfloor.classify.reader;

import java.util.List;

/**
 * Several linear models over the same feature ids, with their weights interleaved per feature, so that reading a
 * sentence touches one run of memory per feature instead of one per model. The logits equal those of the models
 * read one by one.
 */
final class FusedModels {
  private final int width;
  private final float[] weights;
  private final float[] bias;
  private final int[] offsets;

  private FusedModels(int width, float[] weights, float[] bias, int[] offsets) {
    this.width = width;
    this.weights = weights;
    this.bias = bias;
    this.offsets = offsets;
  }

  static FusedModels of(List<LinearModel> models) {
    int dim = models.get(0).dim();
    int width = 0;
    int[] offsets = new int[models.size()];
    for (int m = 0; m < models.size(); m++) {
      if (models.get(m).dim() != dim) {
        throw new IllegalArgumentException("fused models must share their feature ids");
      }
      offsets[m] = width;
      width += models.get(m).labels().size();
    }
    float[] weights = new float[dim * width];
    float[] bias = new float[width];
    for (int m = 0; m < models.size(); m++) {
      LinearModel model = models.get(m);
      int n = model.labels().size();
      float[] w = model.weights();
      for (int id = 0; id < dim; id++) {
        System.arraycopy(w, id * n, weights, id * width + offsets[m], n);
      }
      System.arraycopy(model.bias(), 0, bias, offsets[m], n);
    }
    return new FusedModels(width, weights, bias, offsets);
  }

  /** Every model's logits, model after model, in one array. */
  double[] logits(SparseVector x) {
    double[] z = new double[width];
    for (int j = 0; j < width; j++) {
      z[j] = bias[j];
    }
    for (int k = 0; k < x.size(); k++) {
      int base = x.id(k) * width;
      float v = x.value(k);
      for (int j = 0; j < width; j++) {
        z[j] += weights[base + j] * v;
      }
    }
    return z;
  }

  int offset(int model) {
    return offsets[model];
  }

  /** The softmax of {@code n} logits from {@code from}. */
  static double[] softmax(double[] z, int from, int n) {
    double max = z[from];
    for (int j = 1; j < n; j++) {
      max = Math.max(max, z[from + j]);
    }
    double[] p = new double[n];
    double sum = 0;
    for (int j = 0; j < n; j++) {
      p[j] = Math.exp(z[from + j] - max);
      sum += p[j];
    }
    for (int j = 0; j < n; j++) {
      p[j] /= sum;
    }
    return p;
  }

  /** The probability of label {@code yes} of a two-label model whose logits start at {@code from}. */
  static double probability(double[] z, int from, int yes) {
    double other = z[from + 1 - yes];
    return 1 / (1 + Math.exp(other - z[from + yes]));
  }
}
