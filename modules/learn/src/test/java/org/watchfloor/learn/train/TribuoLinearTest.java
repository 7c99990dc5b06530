package org.watchfloor.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.watchfloor.classify.reader.LinearModel;
import org.watchfloor.classify.reader.SparseVector;

/** The exported model predicts exactly what Tribuo's model predicts, bias included. */
class TribuoLinearTest {
  private static SparseVector vector(int... ids) {
    SparseVector x = new SparseVector(ids.length);
    for (int id : ids) {
      x.add(id, 1f);
    }
    return x;
  }

  @Test
  void theExportedWeightsGiveTribuosProbabilities() {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("t", factory), factory);
    int[][] rows = {{1, 2}, {1, 3}, {4, 5}, {4, 6}, {7}, {7, 2}, {1}, {4}};
    String[] labels = {"a", "a", "b", "b", "c", "c", "a", "b"};
    for (int i = 0; i < rows.length; i++) {
      String[] names = new String[rows[i].length];
      double[] values = new double[rows[i].length];
      for (int k = 0; k < names.length; k++) {
        names[k] = "f" + rows[i][k];
        values[k] = 1;
      }
      data.add(new ArrayExample<>(new Label(labels[i]), names, values));
    }
    LinearSGDModel model = (LinearSGDModel) new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.3, 0.1), 20,
        Integer.MAX_VALUE, 1, 7L).train(data);
    LinearModel exported = TribuoLinear.export(model, List.of("a", "b", "c"), 16);
    for (int[] row : new int[][] {{1, 2}, {4}, {7, 3}, {3, 9}}) {
      String[] names = new String[row.length];
      double[] values = new double[row.length];
      for (int k = 0; k < row.length; k++) {
        names[k] = "f" + row[k];
        values[k] = 1;
      }
      Example<Label> ex = new ArrayExample<>(new Label("a"), names, values);
      Prediction<Label> tribuo = model.predict(ex);
      double[] ours = exported.probabilities(vector(row));
      assertThat(ours[0]).isCloseTo(tribuo.getOutputScores().get("a").getScore(), within(1e-5));
      assertThat(ours[1]).isCloseTo(tribuo.getOutputScores().get("b").getScore(), within(1e-5));
      assertThat(ours[2]).isCloseTo(tribuo.getOutputScores().get("c").getScore(), within(1e-5));
    }
    assertThat(exported.probabilities(vector(1, 2))[0]).isGreaterThan(0.5);
    assertThat(exported.probabilities(vector(4))[1]).isGreaterThan(0.5);
  }

  @Test
  void aLabelTheDataLacksGetsNoProbability() {
    TribuoLinear.Data data = new TribuoLinear.Data("t");
    data.add("no", vector(1), 1);
    data.add("yes", vector(2), 1);
    LinearModel m = TribuoLinear.train(data, List.of("no", "yes", "never"), 8,
        new TribuoLinear.Settings(5, 0.2, 1L));
    assertThat(m.probabilities(vector(1))[2]).isLessThan(1e-9);
  }
}
