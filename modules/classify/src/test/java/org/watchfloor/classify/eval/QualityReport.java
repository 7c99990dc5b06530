package org.watchfloor.classify.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.watchfloor.classify.Classification;
import org.watchfloor.classify.ArticleText;
import org.watchfloor.classify.Classifier;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.classify.ConfigDir;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Json;
import org.watchfloor.model.TopicScore;

/**
 * Measures the classifier on the labelled dev set: actor precision and recall, topic micro-F1, tension-level exact
 * and within-one accuracy, and the Spearman correlation of scores with levels, for the tuning and held-out halves.
 *
 * <p>Run: {@code ./mvnw -q -pl modules/classify exec:java -Dexec.mainClass=org.watchfloor.classify.eval.QualityReport}
 * (add {@code -Dexec.args=--errors} to list the tuning half's disagreements, {@code --files=f_,g_} to add a line for
 * the files whose names start with those prefixes, {@code --train} to add a line for the training-only articles of
 * {@code devset/train/} (and, with {@code --errors}, their disagreements; {@code --train-files=t_round7} adds a line
 * for those files alone), {@code --no-held-out} to leave out the
 * held-out and all lines while tuning). Writes {@code modules/classify/target/quality-report.json}.
 */
public final class QualityReport {
  private QualityReport() {}

  /** The figures for the tuning half, the held-out half and all articles, plus the tuning half's disagreements. */
  public record Report(Metrics tuning, Metrics heldOut, Metrics all, List<String> errors) {}

  public static Report evaluate(Classifier classifier, List<DevArticle> articles) {
    List<String> errors = new ArrayList<>();
    Map<String, Classification> results = new LinkedHashMap<>();
    for (DevArticle a : articles) {
      results.put(a.id(), classifier.classify(new ArticleText(a.title(), a.text(), null, null)));
    }
    // disagreements are listed for the tuning half only, so that the held-out half stays unseen while tuning
    Metrics tuning = measure(DevSet.tuning(articles), results, errors);
    Metrics heldOut = measure(DevSet.heldOut(articles), results, null);
    Metrics all = measure(articles, results, null);
    return new Report(tuning, heldOut, all, errors);
  }

  static Metrics measure(List<DevArticle> articles, Map<String, Classification> results, List<String> errors) {
    int actorTp = 0;
    int actorFp = 0;
    int actorFn = 0;
    int topicTp = 0;
    int topicFp = 0;
    int topicFn = 0;
    int exact = 0;
    int withinOne = 0;
    double[] predicted = new double[articles.size()];
    double[] expected = new double[articles.size()];
    int k = 0;
    for (DevArticle a : articles) {
      Classification c = results.get(a.id());
      Set<String> gotActors = new TreeSet<>();
      for (ActorMention m : c.actors()) {
        if (!m.id().startsWith("unresolved:")) {
          gotActors.add(m.id());
        }
      }
      Set<String> wantActors = new TreeSet<>(a.actors());
      int[] actor = compare(wantActors, gotActors);
      actorTp += actor[0];
      actorFp += actor[1];
      actorFn += actor[2];
      Set<String> gotTopics = new TreeSet<>();
      for (TopicScore t : c.topics()) {
        gotTopics.add(t.id());
      }
      Set<String> wantTopics = new TreeSet<>(a.topics());
      int[] topic = compare(wantTopics, gotTopics);
      topicTp += topic[0];
      topicFp += topic[1];
      topicFn += topic[2];
      int diff = Math.abs(c.tension().level().ordinal() - a.tension().ordinal());
      if (diff == 0) {
        exact++;
      }
      if (diff <= 1) {
        withinOne++;
      }
      predicted[k] = c.tension().score();
      expected[k] = a.tension().ordinal();
      k++;
      if (errors != null) {
        if (actor[1] + actor[2] > 0) {
          errors.add(a.id() + " actors: missing " + minus(wantActors, gotActors) + ", extra " + minus(gotActors, wantActors));
        }
        if (topic[1] + topic[2] > 0) {
          errors.add(a.id() + " topics: missing " + minus(wantTopics, gotTopics) + ", extra " + minus(gotTopics, wantTopics)
              + " " + c.topics());
        }
        if (diff > 0) {
          errors.add(a.id() + " tension: expected " + a.tension() + ", got " + c.tension().level() + " ("
              + c.tension().score() + ") " + c.tension().evidence());
        }
      }
    }
    int n = articles.size();
    double ap = ratio(actorTp, actorTp + actorFp);
    double ar = ratio(actorTp, actorTp + actorFn);
    double tp = ratio(topicTp, topicTp + topicFp);
    double tr = ratio(topicTp, topicTp + topicFn);
    return new Metrics(n, round(ap), round(ar), round(f1(ap, ar)), round(tp), round(tr), round(f1(tp, tr)),
        round(ratio(exact, n)), round(ratio(withinOne, n)), round(spearman(predicted, expected)));
  }

  private static int[] compare(Set<String> want, Set<String> got) {
    int tp = 0;
    for (String g : got) {
      if (want.contains(g)) {
        tp++;
      }
    }
    return new int[] {tp, got.size() - tp, want.size() - tp};
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 1.0 : (double) a / b;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Spearman's rho: the Pearson correlation of the ranks, ties given their average rank. */
  public static double spearman(double[] x, double[] y) {
    if (x.length < 2) {
      return 0;
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
    return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  }

  static String format(String name, Metrics m) {
    return String.format(
        "%-9s n=%3d  actors P=%.3f R=%.3f  topics P=%.3f R=%.3f micro-F1=%.3f  tension exact=%.3f within-one=%.3f"
            + "  spearman=%.3f",
        name, m.articles(), m.actorPrecision(), m.actorRecall(), m.topicPrecision(), m.topicRecall(),
        m.topicMicroF1(), m.tensionExact(), m.tensionWithinOne(), m.spearman());
  }

  public static void main(String[] args) throws IOException {
    Set<String> flags = new HashSet<>(Arrays.asList(args));
    Classifier classifier = Classifiers.load(ConfigDir.find());
    List<DevArticle> articles = DevSet.load(DevSet.defaultDir());
    Report report = evaluate(classifier, articles);
    System.out.println("Watchfloor classification quality on " + articles.size() + " hand-labelled articles");
    boolean heldOutShown = !flags.contains("--no-held-out");
    System.out.println(format("tuning", report.tuning()));
    if (heldOutShown) {
      System.out.println(format("held-out", report.heldOut()));
      System.out.println(format("all", report.all()));
    }
    List<String> trainErrors = new ArrayList<>();
    if (flags.contains("--train")) {
      // training-only articles: never part of the tuning or held-out halves, so their errors may all be read
      List<DevArticle> train = DevSet.load(DevSet.trainDir());
      Map<String, Classification> results = new LinkedHashMap<>();
      for (DevArticle a : train) {
        results.put(a.id(), classifier.classify(new ArticleText(a.title(), a.text(), null, null)));
      }
      System.out.println(format("train", measure(train, results, trainErrors)));
      for (String flag : flags) {
        if (flag.startsWith("--train-files=")) {
          // a line for some of the training files, such as a round's new articles measured blind
          List<String> prefixes = List.of(flag.substring("--train-files=".length()).split(","));
          List<DevArticle> chosen = DevSet.fromFiles(DevSet.trainDir(), prefixes);
          System.out.println(format(" files", measure(chosen, results, null)) + "  " + prefixes);
        }
      }
    }
    for (String flag : flags) {
      if (flag.startsWith("--files=")) {
        List<String> prefixes = List.of(flag.substring("--files=".length()).split(","));
        Set<String> ids = new HashSet<>();
        DevSet.fromFiles(DevSet.defaultDir(), prefixes).forEach(a -> ids.add(a.id()));
        List<DevArticle> chosen = articles.stream().filter(a -> ids.contains(a.id())).toList();
        List<DevArticle> tuningChosen = DevSet.tuning(articles).stream().filter(a -> ids.contains(a.id())).toList();
        List<DevArticle> heldChosen = DevSet.heldOut(articles).stream().filter(a -> ids.contains(a.id())).toList();
        Map<String, Classification> results = new LinkedHashMap<>();
        for (DevArticle a : chosen) {
          results.put(a.id(), classifier.classify(new ArticleText(a.title(), a.text(), null, null)));
        }
        System.out.println(format("files", measure(chosen, results, null)) + "  " + prefixes);
        System.out.println(format(" tuning", measure(tuningChosen, results, null)));
        if (heldOutShown) {
          System.out.println(format(" held-out", measure(heldChosen, results, null)));
        }
      }
    }
    System.out.println("targets:  actors P>=0.95 R>=0.90, topics micro-F1>=0.85, tension within-one>=0.95 exact>=0.75");
    if (flags.contains("--errors")) {
      report.errors().forEach(System.out::println);
      trainErrors.forEach(e -> System.out.println("train " + e));
    }
    Path out = (Files.isDirectory(Path.of("src/test/resources/devset")) ? Path.of("target")
        : Path.of("modules/classify/target")).resolve("quality-report.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, Json.writeString(report));
    System.out.println("written " + out.toAbsolutePath());
  }
}
