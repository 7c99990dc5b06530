package org.watchfloor.learn.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.watchfloor.classify.ArticleText;
import org.watchfloor.classify.Classification;
import org.watchfloor.classify.Classifier;
import org.watchfloor.learn.data.LabelledArticle;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.TopicScore;

/**
 * Measures a classifier on labelled articles: the level against the accepted set, exactly and within one, quadratic
 * weighted kappa, Spearman's rho of score against level, hard negatives, the precision of HIGH and SEVERE, topics and
 * actors. Every measure carries a 95 % percentile bootstrap interval over articles (2,000 resamples, a fixed seed).
 */
public final class Evaluation {
  private Evaluation() {}

  /** One article's labels and what the classifier said. */
  public record Outcome(LabelledArticle article, Classification classification) {
    int predicted() {
      return classification.tension().level().ordinal();
    }

    int gold() {
      return article.level().ordinal();
    }
  }

  /** One line of the table. {@code n} is the number of articles the measure is over. */
  public record Measure(String name, double value, double low, double high, int n, String target) {}

  public static List<Outcome> run(Classifier classifier, List<LabelledArticle> articles) {
    List<Outcome> out = new ArrayList<>(articles.size());
    for (LabelledArticle a : articles) {
      out.add(new Outcome(a, classifier.classify(new ArticleText(a.title(), a.text(), "en", null))));
    }
    return out;
  }

  public static List<Measure> measure(List<Outcome> outcomes) {
    List<Measure> m = new ArrayList<>();
    m.add(boot("level within the accepted set", outcomes, Evaluation::accepted, ">= 0.85"));
    m.add(boot("level exact", outcomes, o -> mean(o, x -> x.predicted() == x.gold() ? 1 : 0), ">= 0.70"));
    m.add(boot("level within one", outcomes, o -> mean(o, x -> Math.abs(x.predicted() - x.gold()) <= 1 ? 1 : 0),
        ">= 0.97"));
    m.add(boot("quadratic-weighted kappa", outcomes, Evaluation::kappa, ">= 0.80"));
    m.add(boot("Spearman, score against level", outcomes, Evaluation::spearman, ">= 0.80"));
    List<Outcome> negatives = outcomes.stream().filter(o -> o.article().hardNegative()).toList();
    m.add(boot("hard negatives at LOW or GUARDED", negatives,
        o -> mean(o, x -> x.predicted() <= TensionLevel.GUARDED.ordinal() ? 1 : 0), ">= 0.97"));
    long above = negatives.stream().filter(x -> x.predicted() > TensionLevel.ELEVATED.ordinal()).count();
    m.add(new Measure("hard negatives above ELEVATED (count)", above, above, above, negatives.size(), "0"));
    List<Outcome> alerting = outcomes.stream().filter(o -> o.predicted() >= TensionLevel.HIGH.ordinal()).toList();
    m.add(boot("precision of HIGH and SEVERE", alerting, o -> mean(o, Evaluation::highIsRight), ">= 0.85"));
    m.add(boot("topics micro-F1", outcomes, Evaluation::topicF1, ">= 0.85"));
    m.add(boot("actors (states) precision", outcomes, o -> stateCounts(o)[0], ">= 0.95"));
    m.add(boot("actors (states) recall", outcomes, o -> stateCounts(o)[1], ">= 0.90"));
    m.add(boot("people recall (by surname)", outcomes.stream().filter(o -> !o.article().people().isEmpty()).toList(),
        Evaluation::peopleRecall, ""));
    return m;
  }

  /** HIGH or SEVERE is right when the article's level, or its accepted set, reaches HIGH. */
  static int highIsRight(Outcome o) {
    return o.article().accepted().stream().anyMatch(l -> l.atLeast(TensionLevel.HIGH)) ? 1 : 0;
  }

  static double accepted(List<Outcome> o) {
    return mean(o, x -> x.article().accepted().contains(x.classification().tension().level()) ? 1 : 0);
  }

  static double mean(List<Outcome> o, ToDoubleFunction<Outcome> f) {
    if (o.isEmpty()) {
      return Double.NaN;
    }
    double s = 0;
    for (Outcome x : o) {
      s += f.applyAsDouble(x);
    }
    return s / o.size();
  }

  /** Cohen's kappa with quadratic weights between the predicted and the labelled level. */
  static double kappa(List<Outcome> o) {
    int k = 5;
    double[][] observed = new double[k][k];
    double[] rows = new double[k];
    double[] cols = new double[k];
    for (Outcome x : o) {
      observed[x.gold()][x.predicted()]++;
      rows[x.gold()]++;
      cols[x.predicted()]++;
    }
    double n = o.size();
    double num = 0;
    double den = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double w = (double) (i - j) * (i - j) / ((k - 1) * (k - 1));
        num += w * observed[i][j];
        den += w * rows[i] * cols[j] / n;
      }
    }
    return den == 0 ? Double.NaN : 1 - num / den;
  }

  static double spearman(List<Outcome> o) {
    double[] x = new double[o.size()];
    double[] y = new double[o.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = o.get(i).classification().tension().score();
      y[i] = o.get(i).gold();
    }
    return pearson(ranks(x), ranks(y));
  }

  static double[] ranks(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[order[k]] = rank;
      }
      i = j + 1;
    }
    return r;
  }

  static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  static double topicF1(List<Outcome> o) {
    int[] c = new int[3];
    for (Outcome x : o) {
      Set<String> got = new HashSet<>();
      for (TopicScore t : x.classification().topics()) {
        got.add(t.id());
      }
      count(new HashSet<>(x.article().topics()), got, c);
    }
    return c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
  }

  /** Micro precision and recall of the states named. */
  static double[] stateCounts(List<Outcome> o) {
    int[] c = new int[3];
    for (Outcome x : o) {
      Set<String> got = new HashSet<>();
      for (ActorMention a : x.classification().actors()) {
        if ("STATE".equals(a.type())) {
          got.add(a.id());
        }
      }
      count(new HashSet<>(x.article().states()), got, c);
    }
    int tp = c[0];
    return new double[] {tp + c[1] == 0 ? Double.NaN : (double) tp / (tp + c[1]),
        tp + c[2] == 0 ? Double.NaN : (double) tp / (tp + c[2])};
  }

  /** Adds true positives, false positives and false negatives of {@code got} against {@code want} to {@code c}. */
  private static void count(Set<String> want, Set<String> got, int[] c) {
    for (String g : got) {
      c[want.contains(g) ? 0 : 1]++;
    }
    for (String w : want) {
      if (!got.contains(w)) {
        c[2]++;
      }
    }
  }

  /** The share of labelled people whose surname some resolved person actor carries. */
  static double peopleRecall(List<Outcome> o) {
    int found = 0;
    int all = 0;
    for (Outcome x : o) {
      Set<String> names = new HashSet<>();
      for (ActorMention a : x.classification().actors()) {
        if (("LEADER".equals(a.type()) || "OFFICIAL".equals(a.type())) && a.name() != null) {
          names.add(surname(a.name()));
        }
      }
      for (String p : x.article().people()) {
        all++;
        if (names.contains(surname(p))) {
          found++;
        }
      }
    }
    return all == 0 ? Double.NaN : (double) found / all;
  }

  private static String surname(String name) {
    String[] parts = name.strip().split("\\s+");
    return parts[parts.length - 1].toLowerCase(Locale.ROOT);
  }

  private static Measure boot(String name, List<Outcome> o, ToDoubleFunction<List<Outcome>> f,
      String target) {
    double value = o.isEmpty() ? Double.NaN : f.applyAsDouble(o);
    if (o.isEmpty()) {
      return new Measure(name, value, Double.NaN, Double.NaN, 0, target);
    }
    int b = 2000;
    double[] samples = new double[b];
    SplittableRandom random = new SplittableRandom(20261207L);
    List<Outcome> sample = new ArrayList<>(o.size());
    int kept = 0;
    for (int i = 0; i < b; i++) {
      sample.clear();
      for (int k = 0; k < o.size(); k++) {
        sample.add(o.get(random.nextInt(o.size())));
      }
      double v = f.applyAsDouble(sample);
      if (!Double.isNaN(v)) {
        samples[kept++] = v;
      }
    }
    double[] s = Arrays.copyOf(samples, kept);
    Arrays.sort(s);
    double low = kept == 0 ? Double.NaN : s[(int) Math.floor(0.025 * (kept - 1))];
    double high = kept == 0 ? Double.NaN : s[(int) Math.ceil(0.975 * (kept - 1))];
    return new Measure(name, value, low, high, o.size(), target);
  }

  /** The table as Markdown: one column per set. */
  public static String table(List<String> sets, List<List<Measure>> columns) {
    StringBuilder sb = new StringBuilder();
    sb.append("| measure | target |");
    for (String s : sets) {
      sb.append(' ').append(s).append(" |");
    }
    sb.append('\n').append("| --- | --- |");
    for (int i = 0; i < sets.size(); i++) {
      sb.append(" --- |");
    }
    sb.append('\n');
    for (int r = 0; r < columns.get(0).size(); r++) {
      Measure first = columns.get(0).get(r);
      sb.append("| ").append(first.name()).append(" | ").append(first.target()).append(" |");
      for (List<Measure> column : columns) {
        Measure m = column.get(r);
        sb.append(' ').append(format(m)).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String format(Measure m) {
    if (m.n() == 0 || Double.isNaN(m.value())) {
      return "n/a (n=" + m.n() + ")";
    }
    if (m.name().endsWith("(count)")) {
      return String.format(Locale.ROOT, "%d of %d", (long) m.value(), m.n());
    }
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f] n=%d", m.value(), m.low(), m.high(), m.n());
  }
}
