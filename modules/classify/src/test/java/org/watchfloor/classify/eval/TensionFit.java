package org.watchfloor.classify.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.classify.RuleClassifier;
import org.watchfloor.classify.actor.ActorHit;
import org.watchfloor.classify.tension.TensionConfig;
import org.watchfloor.classify.tension.TensionScorer;
import org.watchfloor.classify.text.Tokens;
import org.watchfloor.model.TensionLevel;

/**
 * Fits the numbers of {@code config/tension.yaml} (conflict-class intensities, modifier factors, aggregation and
 * casualty numbers) to labelled articles by coordinate descent over small grid steps, starting from the hand-set
 * values and accepting a move only when it wins at least {@code --min-gain} more exact levels; and estimates by
 * repeated stratified k-fold cross-validation whether that generalises better than the hand-set values.
 *
 * <p>Data: the tuning half of the dev set (even positions) and the training-only folder {@code devset/train/}, 134
 * articles. The held-out half is dropped right after loading: its labels are never read here.
 *
 * <p>The scorer is the production one: every candidate builds a {@link TensionScorer} from a copy of the config with
 * the numbers replaced, and scores pre-tokenised articles (tokens and actor hits do not depend on these numbers).
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -q -o -pl modules/classify test-compile exec:java -Dexec.mainClass=org.watchfloor.classify.eval.TensionFit \
 *     -Dexec.args="--cv --sets=agg,mods,all --min-gain=1,2,3"    # cross-validation, hand vs fitted
 * ./mvnw ... -Dexec.args="--fit --sets=all --min-gain=2"           # fit on all 134, print the moved values
 * </pre>
 * Flags: {@code --folds=5 --repeats=3 --seed=1} for the CV; {@code --sweeps=4} the most coordinate-descent passes;
 * {@code --start=goldstein} starts the CV fits from naive values instead of the hand-set ones (see
 * {@link #naiveValues}); {@code --min-gain=0} accepts any lexicographic improvement (exact, within-one, error).
 */
public final class TensionFit {
  private TensionFit() {}

  /** One labelled article, tokenised once, with the actor hits the scorer reads for reciprocal attacks. */
  record Sample(String id, Tokens tokens, int titleTokens, List<ActorHit> hits, TensionLevel label) {}

  /** What a parameter sets in the config. */
  enum Kind { INTENSITY, FACTOR, AGGREGATION, CASUALTIES }

  /**
   * A fitted number: {@code key} is the event class or modifier id, or the aggregation/casualties field; values move
   * on a grid of {@code step} within {@code [lo, hi]}.
   */
  record Param(String group, Kind kind, String key, double hand, double step, double lo, double hi) {
    String name() {
      return switch (kind) {
        case INTENSITY -> "intensity." + key;
        case FACTOR -> "factor." + key;
        case AGGREGATION -> "aggregation." + key;
        case CASUALTIES -> "casualties." + key;
      };
    }
  }

  /** Exact hits, within-one hits and the summed absolute level error over a set of articles. */
  record Score(int exact, int within, int absError) {
    /** Lexicographic: exact first, then within-one, then the smaller error. */
    boolean betterThan(Score o) {
      if (exact != o.exact) {
        return exact > o.exact;
      }
      if (within != o.within) {
        return within > o.within;
      }
      return absError < o.absError;
    }
  }

  // ---------------------------------------------------------------- parameters

  /** The aggregation fields that move the tension level (baseline, floor and dyad weight do not; see below). */
  private static final List<String> AGGREGATION = List.of("top_weight", "mean_weight", "cooperation_pull",
      "volume_bonus", "volume_cap", "title_weight", "floor_intensity", "floor_min_factor", "severe_event",
      "reciprocal_from", "reciprocal_intensity");

  /**
   * The parameters of the groups asked for: {@code agg} (aggregation and casualty numbers), {@code mods} (modifier
   * factors), {@code int} (intensities of the conflict classes); {@code all} is the three. Baseline (below 20 it
   * never changes a level), floor (any value in [20, 40) means GUARDED) and dyad_min_weight (no effect on the score)
   * are left out, as are the factors of "present" (a marker, 1.0 by design) and of the cooperation classes.
   */
  static List<Param> params(TensionConfig base, List<String> groups) {
    boolean all = groups.contains("all");
    List<Param> out = new ArrayList<>();
    if (all || groups.contains("agg")) {
      Map<String, Double> a = aggregation(base.aggregation());
      for (String k : AGGREGATION) {
        double v = a.get(k);
        Param p = switch (k) {
          case "top_weight", "mean_weight", "cooperation_pull" -> new Param("agg", Kind.AGGREGATION, k, v, 0.05, 0, 1);
          case "volume_bonus" -> new Param("agg", Kind.AGGREGATION, k, v, 1, 0, 8);
          case "volume_cap" -> new Param("agg", Kind.AGGREGATION, k, v, 2, 0, 20);
          case "title_weight" -> new Param("agg", Kind.AGGREGATION, k, v, 0.1, 0.5, 2);
          case "floor_min_factor" -> new Param("agg", Kind.AGGREGATION, k, v, 0.05, 0, 1);
          default -> new Param("agg", Kind.AGGREGATION, k, v, 5, 0, 100);
        };
        out.add(p);
      }
      TensionConfig.Casualties c = base.casualties();
      out.add(new Param("agg", Kind.CASUALTIES, "mass_from", c.massFrom(), 1, 2, 30));
      out.add(new Param("agg", Kind.CASUALTIES, "mass_intensity", c.massIntensity(), 5, 0, 100));
      out.add(new Param("agg", Kind.CASUALTIES, "few_intensity", c.fewIntensity(), 5, 0, 100));
    }
    if (all || groups.contains("mods")) {
      for (TensionConfig.Modifier m : base.modifiers()) {
        if (!m.id().equals("present")) {
          out.add(new Param("mods", Kind.FACTOR, m.id(), m.factor(), 0.05, 0.05, 1));
        }
      }
    }
    if (all || groups.contains("int")) {
      for (TensionConfig.EventClass e : base.eventClasses()) {
        if (e.goldstein() < 0 && e.intensity() != null) {
          out.add(new Param("int", Kind.INTENSITY, e.id(), e.intensity(), 3, 0, 100));
        }
      }
    }
    return out;
  }

  static Map<String, Double> aggregation(TensionConfig.Aggregation a) {
    Map<String, Double> m = new HashMap<>();
    m.put("top_weight", a.topWeight());
    m.put("mean_weight", a.meanWeight());
    m.put("cooperation_pull", a.cooperationPull());
    m.put("baseline", a.baseline());
    m.put("volume_bonus", a.volumeBonus());
    m.put("volume_cap", a.volumeCap());
    m.put("title_weight", a.titleWeight());
    m.put("dyad_min_weight", a.dyadMinWeight());
    m.put("floor", a.floor());
    m.put("floor_intensity", a.floorIntensity());
    m.put("floor_min_factor", a.floorMinFactor());
    m.put("severe_event", a.severeEvent());
    m.put("reciprocal_from", a.reciprocalFrom());
    m.put("reciprocal_intensity", a.reciprocalIntensity());
    return m;
  }

  /** A copy of {@code base} with the parameters set to {@code values}; everything else (terms, structure) is kept. */
  static TensionConfig apply(TensionConfig base, List<Param> params, double[] values) {
    Map<String, Double> intensity = new HashMap<>();
    Map<String, Double> factor = new HashMap<>();
    Map<String, Double> agg = aggregation(base.aggregation());
    TensionConfig.Casualties c = base.casualties();
    Integer massFrom = c.massFrom();
    Double massIntensity = c.massIntensity();
    Double fewIntensity = c.fewIntensity();
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      switch (p.kind()) {
        case INTENSITY -> intensity.put(p.key(), values[i]);
        case FACTOR -> factor.put(p.key(), values[i]);
        case AGGREGATION -> agg.put(p.key(), values[i]);
        case CASUALTIES -> {
          switch (p.key()) {
            case "mass_from" -> massFrom = (int) Math.round(values[i]);
            case "mass_intensity" -> massIntensity = values[i];
            default -> fewIntensity = values[i];
          }
        }
      }
    }
    List<TensionConfig.EventClass> classes = new ArrayList<>();
    for (TensionConfig.EventClass e : base.eventClasses()) {
      classes.add(new TensionConfig.EventClass(e.id(), e.cameo(), e.goldstein(),
          intensity.getOrDefault(e.id(), e.intensity()), e.terms(), e.context(), e.notForms(), e.floors()));
    }
    List<TensionConfig.Modifier> mods = new ArrayList<>();
    for (TensionConfig.Modifier m : base.modifiers()) {
      mods.add(new TensionConfig.Modifier(m.id(), factor.getOrDefault(m.id(), m.factor()), m.scope(), m.window(),
          m.terms(), m.except(), m.fromTitle(), m.minMatches()));
    }
    TensionConfig.Aggregation a = base.aggregation();
    TensionConfig.Aggregation aggregation = new TensionConfig.Aggregation(agg.get("top_weight"),
        agg.get("mean_weight"), agg.get("cooperation_pull"), agg.get("baseline"), agg.get("volume_bonus"),
        agg.get("volume_cap"), agg.get("title_weight"), agg.get("dyad_min_weight"), agg.get("floor"),
        agg.get("floor_intensity"), agg.get("floor_min_factor"), agg.get("severe_event"), agg.get("reciprocal_from"),
        agg.get("reciprocal_intensity"), a.reciprocalClasses());
    return new TensionConfig(classes, mods, aggregation,
        new TensionConfig.Casualties(c.terms(), massFrom, massIntensity, fewIntensity, c.woundTerms()));
  }

  static double[] handValues(List<Param> params) {
    double[] v = new double[params.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = params.get(i).hand();
    }
    return v;
  }

  // ---------------------------------------------------------------- scoring

  static List<Sample> prepare(RuleClassifier classifier, List<DevArticle> articles) {
    List<Sample> out = new ArrayList<>();
    for (DevArticle a : articles) {
      // as RuleClassifier.explain does: the title, a blank line, the body; the lexicon does not change the tokens
      String title = a.title().strip();
      String all = title.isEmpty() ? a.text() : title + "\n\n" + a.text();
      Tokens tokens = Tokens.of(all);
      int titleTokens = 0;
      while (titleTokens < tokens.size() && tokens.start(titleTokens) < title.length()) {
        titleTokens++;
      }
      out.add(new Sample(a.id(), tokens, titleTokens, classifier.actors().extract(tokens).hits(), a.tension()));
    }
    return out;
  }

  static TensionLevel level(TensionScorer scorer, Sample s) {
    return scorer.score(s.tokens(), s.titleTokens(), s.hits()).tension().level();
  }

  static Score evaluate(TensionScorer scorer, List<Sample> samples, int[] which) {
    int exact = 0;
    int within = 0;
    int err = 0;
    for (int i : which) {
      Sample s = samples.get(i);
      int d = Math.abs(level(scorer, s).ordinal() - s.label().ordinal());
      exact += d == 0 ? 1 : 0;
      within += d <= 1 ? 1 : 0;
      err += d;
    }
    return new Score(exact, within, err);
  }

  static Score evaluate(TensionConfig base, List<Param> params, double[] values, List<Sample> samples, int[] which) {
    return evaluate(TensionScorer.of(apply(base, params, values), "fit"), samples, which);
  }

  // ---------------------------------------------------------------- fitting

  /** How far a move may go from the current value, in grid steps, each way. */
  static final int REACH = 4;

  /**
   * Coordinate descent from the hand-set values: for each parameter in turn, tries the grid values within
   * {@link #REACH} steps of its current value and takes the best (ties go to the value nearest the hand-set one), but
   * only when it wins at least {@code minGain} more exact levels than the current values ({@code minGain} 0: when it
   * is better at all, on within-one or the level error if not on exact); repeats until a pass moves nothing or after
   * {@code sweeps} passes.
   */
  static double[] fit(TensionConfig base, List<Param> params, List<Sample> samples, int[] train, int minGain,
      int sweeps) {
    double[] cur = handValues(params);
    Score curScore = evaluate(base, params, cur, samples, train);
    for (int sweep = 0; sweep < sweeps; sweep++) {
      boolean moved = false;
      for (int i = 0; i < params.size(); i++) {
        Param p = params.get(i);
        double keep = cur[i];
        double bestValue = keep;
        Score best = curScore;
        for (int d = -REACH; d <= REACH; d++) {
          double v = round(keep + d * p.step());
          if (d == 0 || v < p.lo() - 1e-9 || v > p.hi() + 1e-9) {
            continue;
          }
          cur[i] = v;
          Score s = evaluate(base, params, cur, samples, train);
          boolean better = s.betterThan(best)
              || (!best.betterThan(s) && Math.abs(v - p.hand()) < Math.abs(bestValue - p.hand()));
          if (better) {
            best = s;
            bestValue = v;
          }
        }
        boolean accept = minGain == 0 ? best.betterThan(curScore) : best.exact() - curScore.exact() >= minGain;
        if (bestValue != keep && accept) {
          cur[i] = bestValue;
          curScore = best;
          moved = true;
        } else {
          cur[i] = keep;
        }
      }
      if (!moved) {
        break;
      }
    }
    return cur;
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  // ---------------------------------------------------------------- folds

  /**
   * Stratified k-fold split of {@code labels.length} items: each level's items, shuffled by {@code seed}, are dealt
   * round-robin over the folds (continuing where the previous level stopped), so every fold holds about the same
   * share of each level. Deterministic for a seed; the folds are disjoint and cover every item.
   */
  static int[][] folds(TensionLevel[] labels, int k, long seed) {
    Random random = new Random(seed);
    List<List<Integer>> byFold = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      byFold.add(new ArrayList<>());
    }
    int next = 0;
    for (TensionLevel level : TensionLevel.values()) {
      List<Integer> items = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == level) {
          items.add(i);
        }
      }
      java.util.Collections.shuffle(items, random);
      for (int i : items) {
        byFold.get(next).add(i);
        next = (next + 1) % k;
      }
    }
    int[][] out = new int[k][];
    for (int f = 0; f < k; f++) {
      out[f] = byFold.get(f).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    return out;
  }

  /** Every index of {@code 0..n-1} not in {@code fold}. */
  static int[] complement(int n, int[] fold) {
    boolean[] in = new boolean[n];
    for (int i : fold) {
      in[i] = true;
    }
    int[] out = new int[n - fold.length];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (!in[i]) {
        out[k++] = i;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- main

  public static void main(String[] args) {
    Map<String, String> opt = new HashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      opt.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? "" : a.substring(eq + 1));
    }
    Path configDir = org.watchfloor.classify.ConfigDir.find();
    RuleClassifier classifier = Classifiers.load(configDir).withReader(null);
    TensionConfig base = org.watchfloor.model.config.YamlFiles.read(
        configDir.resolve(Classifiers.TENSION_FILE), TensionConfig.class);
    // the tuning half only: the held-out half is dropped here, before any label is looked at
    List<DevArticle> articles = new ArrayList<>(DevSet.tuning(DevSet.load(DevSet.defaultDir())));
    articles.addAll(DevSet.load(DevSet.trainDir()));
    List<Sample> samples = prepare(classifier, articles);
    int n = samples.size();
    int[] everything = java.util.stream.IntStream.range(0, n).toArray();
    TensionLevel[] labels = samples.stream().map(Sample::label).toArray(TensionLevel[]::new);
    List<String> sets = List.of(opt.getOrDefault("--sets", "agg,mods,all").split(","));
    List<Integer> gains = Arrays.stream(opt.getOrDefault("--min-gain", "1,2").split(","))
        .map(Integer::parseInt).toList();
    int k = Integer.parseInt(opt.getOrDefault("--folds", "5"));
    int repeats = Integer.parseInt(opt.getOrDefault("--repeats", "3"));
    long seed = Long.parseLong(opt.getOrDefault("--seed", "1"));
    int sweeps = Integer.parseInt(opt.getOrDefault("--sweeps", "4"));

    long t0 = System.nanoTime();
    Score hand = evaluate(TensionScorer.of(base, "hand"), samples, everything);
    System.out.printf(Locale.ROOT, "%d articles (tuning half + train); hand-set on all: exact %.3f within-one %.3f"
        + " (%.1f ms per evaluation)%n", n, hand.exact() / (double) n, hand.within() / (double) n,
        (System.nanoTime() - t0) / 1e6);

    if (opt.containsKey("--cv")) {
      boolean goldstein = "goldstein".equals(opt.get("--start"));
      for (String set : sets) {
        List<Param> params = params(base, List.of(set.split("\\+")));
        // --start=goldstein: the fit starts (and is pulled back to) naive values, not the hand-set ones: intensities
        // of |goldstein| x 10 and modifier factors of 0.5; the hand-set config is still the one compared against
        TensionConfig start = goldstein ? apply(base, params, naiveValues(base, params)) : base;
        List<Param> from = goldstein ? params(start, List.of(set.split("\\+"))) : params;
        for (int gain : gains) {
          crossValidate(base, start, from, samples, labels, k, repeats, seed, gain, sweeps,
              goldstein ? set + "/naive" : set);
        }
      }
    }
    if (opt.containsKey("--fit")) {
      List<Param> params = params(base, List.of(sets.get(0).split("\\+")));
      int gain = gains.get(0);
      double[] v = fit(base, params, samples, everything, gain, sweeps);
      Score s = evaluate(base, params, v, samples, everything);
      System.out.printf(Locale.ROOT, "fit on all %d (%s, min-gain %d): exact %.3f within-one %.3f%n", n,
          sets.get(0), gain, s.exact() / (double) n, s.within() / (double) n);
      for (int i = 0; i < params.size(); i++) {
        Param p = params.get(i);
        if (v[i] != p.hand()) {
          System.out.printf(Locale.ROOT, "  %-40s %8s -> %s%n", p.name(), fmt(p.hand()), fmt(v[i]));
        }
      }
    }
  }

  /** Naive starting values: intensities of |goldstein| x 10 (the scorer's default), factors of 0.5, the rest as set. */
  static double[] naiveValues(TensionConfig base, List<Param> params) {
    Map<String, Double> goldstein = new HashMap<>();
    base.eventClasses().forEach(e -> goldstein.put(e.id(), e.goldstein()));
    double[] v = handValues(params);
    for (int i = 0; i < v.length; i++) {
      Param p = params.get(i);
      if (p.kind() == Kind.INTENSITY) {
        v[i] = Math.min(100, Math.max(0, -goldstein.get(p.key())) * 10);
      } else if (p.kind() == Kind.FACTOR) {
        v[i] = 0.5;
      }
    }
    return v;
  }

  /**
   * Repeated stratified k-fold CV: on each fold, fits from {@code base} (its values are {@code params}' hand values)
   * on the other folds and scores the fold, beside the hand-set config {@code hand} on the same fold.
   */
  private static void crossValidate(TensionConfig hand, TensionConfig base, List<Param> params, List<Sample> samples,
      TensionLevel[] labels, int k, int repeats, long seed, int gain, int sweeps, String set) {
    long t0 = System.nanoTime();
    int n = samples.size();
    TensionScorer handScorer = TensionScorer.of(hand, "hand");
    List<Double> handAcc = new ArrayList<>();
    List<Double> fitAcc = new ArrayList<>();
    List<Double> handWithin = new ArrayList<>();
    List<Double> fitWithin = new ArrayList<>();
    int handTotal = 0;
    int fitTotal = 0;
    int handWithinTotal = 0;
    int fitWithinTotal = 0;
    int fitTrain = 0;
    int trainCount = 0;
    Map<String, Integer> moved = new java.util.TreeMap<>();
    for (int r = 0; r < repeats; r++) {
      int[][] folds = folds(labels, k, seed + r);
      for (int[] test : folds) {
        int[] train = complement(n, test);
        double[] v = fit(base, params, samples, train, gain, sweeps);
        for (int i = 0; i < params.size(); i++) {
          if (v[i] != params.get(i).hand()) {
            moved.merge(params.get(i).name(), 1, Integer::sum);
          }
        }
        Score h = evaluate(handScorer, samples, test);
        Score f = evaluate(base, params, v, samples, test);
        fitTrain += evaluate(base, params, v, samples, train).exact();
        trainCount += train.length;
        handAcc.add(h.exact() / (double) test.length);
        fitAcc.add(f.exact() / (double) test.length);
        handWithin.add(h.within() / (double) test.length);
        fitWithin.add(f.within() / (double) test.length);
        handTotal += h.exact();
        fitTotal += f.exact();
        handWithinTotal += h.within();
        fitWithinTotal += f.within();
      }
    }
    int m = repeats * n;
    System.out.printf(Locale.ROOT, "CV %d-fold x%d  set=%-12s params=%2d min-gain=%d | hand exact %.3f (sd %.3f)"
            + " within %.3f | fitted exact %.3f (sd %.3f) within %.3f | diff %+.3f (sd %.3f) | %.0f s%n",
        k, repeats, set, params.size(), gain, handTotal / (double) m, sd(handAcc), handWithinTotal / (double) m,
        fitTotal / (double) m, sd(fitAcc), fitWithinTotal / (double) m, (fitTotal - handTotal) / (double) m,
        sd(diff(fitAcc, handAcc)), (System.nanoTime() - t0) / 1e9);
    System.out.printf(Locale.ROOT, "    fitted exact on its own training folds %.3f; moved in how many of %d fits: %s%n",
        fitTrain / (double) trainCount, repeats * k, moved);
  }

  private static List<Double> diff(List<Double> a, List<Double> b) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.add(a.get(i) - b.get(i));
    }
    return out;
  }

  static double sd(List<Double> v) {
    double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return v.size() < 2 ? 0 : Math.sqrt(ss / (v.size() - 1));
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
