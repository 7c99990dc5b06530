package org.watchfloor.learn.train;

import java.util.List;
import org.watchfloor.learn.data.LabelledArticle;
import org.watchfloor.model.TensionLevel;

/**
 * Calibrates the four level thresholds on expected levels: coordinate ascent from 0.5, 1.5, 2.5, 3.5 over a grid of
 * 0.02, maximising exact agreement plus half of agreement with the accepted set, on training articles only.
 */
final class Calibration {
  private Calibration() {}

  static double[] thresholds(double[] y, List<LabelledArticle> articles) {
    double[] t = {0.5, 1.5, 2.5, 3.5};
    for (int pass = 0; pass < 4; pass++) {
      for (int k = 0; k < 4; k++) {
        double lo = k == 0 ? 0.02 : t[k - 1] + 0.02;
        double hi = k == 3 ? 3.98 : t[k + 1] - 0.02;
        double best = t[k];
        double bestScore = objective(y, articles, t);
        for (double c = lo; c <= hi + 1e-9; c += 0.02) {
          double old = t[k];
          t[k] = c;
          double score = objective(y, articles, t);
          // ties go to the value nearest the middle of the band
          if (score > bestScore + 1e-12
              || Math.abs(score - bestScore) <= 1e-12 && Math.abs(c - (k + 0.5)) < Math.abs(best - (k + 0.5))) {
            best = c;
            bestScore = score;
          }
          t[k] = old;
        }
        t[k] = Math.round(best * 100) / 100.0;
      }
    }
    return t;
  }

  static int level(double y, double[] t) {
    int l = 0;
    while (l < 4 && y >= t[l]) {
      l++;
    }
    return l;
  }

  private static double objective(double[] y, List<LabelledArticle> articles, double[] t) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      int l = level(y[i], t);
      LabelledArticle a = articles.get(i);
      if (l == a.level().ordinal()) {
        s += 1;
      }
      if (a.accepted().contains(TensionLevel.values()[l])) {
        s += 0.5;
      }
    }
    return s;
  }
}
