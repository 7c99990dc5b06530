package org.watchfloor.learn.train;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.watchfloor.classify.reader.LinearModel;
import org.watchfloor.classify.reader.SparseVector;

/**
 * Logistic regression trained by Tribuo's {@link LinearSGDTrainer} (AdaGrad, a fixed seed, one thread: the same data
 * gives the same weights), exported to a {@link LinearModel} over the same feature ids.
 */
final class TribuoLinear {
  private TribuoLinear() {}

  static {
    Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
  }

  /** Training settings: epochs, AdaGrad's learning rate and the seed. */
  record Settings(int epochs, double learningRate, long seed) {}

  /** A dataset under construction. */
  static final class Data {
    private final MutableDataset<Label> dataset;

    Data(String name) {
      LabelFactory factory = new LabelFactory();
      dataset = new MutableDataset<>(new SimpleDataSourceProvenance(name, factory), factory);
    }

    void add(String label, SparseVector x, double weight) {
      Map<Integer, Float> merged = new TreeMap<>();
      for (int k = 0; k < x.size(); k++) {
        merged.merge(x.id(k), x.value(k), Float::sum);
      }
      String[] names = new String[merged.size()];
      double[] values = new double[merged.size()];
      int i = 0;
      for (Map.Entry<Integer, Float> e : merged.entrySet()) {
        names[i] = "f" + e.getKey();
        values[i] = e.getValue();
        i++;
      }
      Example<Label> ex = new ArrayExample<>(new Label(label), names, values);
      ex.setWeight((float) weight);
      dataset.add(ex);
    }

    int size() {
      return dataset.size();
    }
  }

  /** Trains on {@code data} and returns the model over {@code dim} feature ids with {@code labels} in that order. */
  static LinearModel train(Data data, List<String> labels, int dim, Settings s) {
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(s.learningRate(), 0.1),
        s.epochs(), Integer.MAX_VALUE, 1, s.seed());
    LinearSGDModel model = (LinearSGDModel) trainer.train(data.dataset);
    return export(model, labels, dim, PRUNE_BELOW, ROUND_TO);
  }

  /** A feature whose weights are all smaller than this is dropped: it changes no reading, and halves the file. */
  static final double PRUNE_BELOW = 0.01;
  /** Weights are kept to four decimals. */
  static final double ROUND_TO = 1e-4;

  static LinearModel export(LinearSGDModel model, List<String> labels, int dim) {
    return export(model, labels, dim, 0, 0);
  }

  static LinearModel export(LinearSGDModel model, List<String> labels, int dim, double pruneBelow, double roundTo) {
    DenseMatrix w = model.getWeightsCopy();
    ImmutableFeatureMap features = model.getFeatureIDMap();
    int n = labels.size();
    int biasColumn = features.size();
    int[] rows = new int[n];
    float[] bias = new float[n];
    for (int j = 0; j < n; j++) {
      rows[j] = model.getOutputIDInfo().getID(new Label(labels.get(j)));
      bias[j] = rows[j] < 0 ? -30f : (float) w.get(rows[j], biasColumn);
    }
    int[] ids = new int[features.size()];
    float[] weights = new float[features.size() * n];
    int k = 0;
    for (VariableInfo info : features) {
      int column = ((VariableIDInfo) info).getID();
      double largest = 0;
      for (int j = 0; j < n; j++) {
        double v = rows[j] < 0 ? 0 : w.get(rows[j], column);
        largest = Math.max(largest, Math.abs(v));
        weights[k * n + j] = (float) (roundTo > 0 ? Math.round(v / roundTo) * roundTo : v);
      }
      if (largest < pruneBelow) {
        continue;
      }
      ids[k] = Integer.parseInt(info.getName().substring(1));
      k++;
    }
    return LinearModel.of(new LinearModel.Spec(labels, dim, java.util.Arrays.copyOf(ids, k),
        java.util.Arrays.copyOf(weights, k * n), bias));
  }
}
