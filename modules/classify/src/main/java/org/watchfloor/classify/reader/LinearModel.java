package org.watchfloor.classify.reader;

import java.util.List;
import java.util.Objects;

/**
 * A multinomial logistic model over hashed or dense feature ids: one weight per feature and label plus a bias per
 * label. Weights are held densely, so that a prediction is a few hundred multiply-adds and allocates one array.
 */
public final class LinearModel {
  private final List<String> labels;
  private final int dim;
  private final float[] weights;
  private final float[] bias;

  /**
   * The form a model is stored in: the ids of the features that have weights, their weights (label-major within a
   * feature: {@code weights[k * labels + j]} is feature {@code ids[k]}'s weight for label {@code j}) and the biases.
   */
  public record Spec(List<String> labels, int dim, int[] ids, float[] weights, float[] bias) {}

  private LinearModel(List<String> labels, int dim, float[] weights, float[] bias) {
    this.labels = List.copyOf(labels);
    this.dim = dim;
    this.weights = weights;
    this.bias = bias;
  }

  public static LinearModel of(Spec spec) {
    Objects.requireNonNull(spec, "spec");
    int n = spec.labels().size();
    if (n < 2 || spec.bias().length != n || spec.weights().length != spec.ids().length * n || spec.dim() <= 0) {
      throw new IllegalArgumentException("inconsistent model: " + n + " labels, " + spec.bias().length + " biases, "
          + spec.ids().length + " features, " + spec.weights().length + " weights");
    }
    float[] dense = new float[spec.dim() * n];
    for (int k = 0; k < spec.ids().length; k++) {
      int id = spec.ids()[k];
      if (id < 0 || id >= spec.dim()) {
        throw new IllegalArgumentException("feature id " + id + " outside 0.." + (spec.dim() - 1));
      }
      System.arraycopy(spec.weights(), k * n, dense, id * n, n);
    }
    return new LinearModel(spec.labels(), spec.dim(), dense, spec.bias().clone());
  }

  public Spec spec() {
    int n = labels.size();
    int count = 0;
    for (int id = 0; id < dim; id++) {
      if (nonZero(id)) {
        count++;
      }
    }
    int[] ids = new int[count];
    float[] w = new float[count * n];
    int k = 0;
    for (int id = 0; id < dim; id++) {
      if (nonZero(id)) {
        ids[k] = id;
        System.arraycopy(weights, id * n, w, k * n, n);
        k++;
      }
    }
    return new Spec(labels, dim, ids, w, bias.clone());
  }

  private boolean nonZero(int id) {
    for (int j = 0; j < labels.size(); j++) {
      if (weights[id * labels.size() + j] != 0f) {
        return true;
      }
    }
    return false;
  }

  public List<String> labels() {
    return labels;
  }

  /** The dense weights, feature-major ({@code [id * labels + j]}): for {@link FusedModels}, read only. */
  float[] weights() {
    return weights;
  }

  float[] bias() {
    return bias;
  }

  public int dim() {
    return dim;
  }

  /** The probability of each label, in {@link #labels()} order. */
  public double[] probabilities(SparseVector x) {
    int n = labels.size();
    double[] z = new double[n];
    for (int j = 0; j < n; j++) {
      z[j] = bias[j];
    }
    for (int k = 0; k < x.size(); k++) {
      int base = x.id(k) * n;
      float v = x.value(k);
      for (int j = 0; j < n; j++) {
        z[j] += weights[base + j] * v;
      }
    }
    double max = z[0];
    for (int j = 1; j < n; j++) {
      max = Math.max(max, z[j]);
    }
    double sum = 0;
    for (int j = 0; j < n; j++) {
      z[j] = Math.exp(z[j] - max);
      sum += z[j];
    }
    for (int j = 0; j < n; j++) {
      z[j] /= sum;
    }
    return z;
  }

  /** The probability of one label; 0 when the model has no such label. */
  public double probabilityOf(SparseVector x, String label) {
    int j = labels.indexOf(label);
    return j < 0 ? 0 : probabilities(x)[j];
  }
}
