package org.watchfloor.learn;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.classify.RuleClassifier;
import org.watchfloor.classify.reader.NewsReader;
import org.watchfloor.classify.reader.ReaderModel;
import org.watchfloor.learn.data.LabelledArticle;
import org.watchfloor.learn.data.RealNewsSet;
import org.watchfloor.learn.data.Splits;
import org.watchfloor.learn.data.WrittenDevSet;
import org.watchfloor.learn.eval.Evaluation;
import org.watchfloor.learn.train.ReaderTrainer;
import org.watchfloor.model.config.ConfigException;

/**
 * What {@code watchfloor model} does: lock the split, train the reader on the training side, and measure a model on
 * the locked test side and on the written dev set's held-out half.
 *
 * @param labels {@code data/realnews}: labels, spans and the split file
 * @param cache the local text cache ({@link RealNewsSet#defaultCache()})
 * @param devset the written dev set folder
 */
public record ModelWorkflow(Path labels, Path cache, Path devset, PrintStream out) {

  public Path splitFile() {
    return labels.resolve("split.tsv");
  }

  /** Loads the real set, saying what is missing from the cache or changed since it was labelled. */
  public List<LabelledArticle> realArticles() {
    RealNewsSet.Loaded loaded = RealNewsSet.load(labels, cache);
    if (!loaded.missing().isEmpty()) {
      out.printf("%d labelled articles have no text in the cache %s (rebuild it: see data/realnews/README.md): %s%n",
          loaded.missing().size(), cache, abbreviate(loaded.missing()));
    }
    if (!loaded.changed().isEmpty()) {
      out.printf("%d cached articles differ from the text that was labelled; their sentence labels are left out: %s%n",
          loaded.changed().size(), abbreviate(loaded.changed()));
    }
    if (loaded.articles().isEmpty()) {
      throw new ConfigException(cache.toString(), null,
          "no labelled article has its text in the cache; see data/realnews/README.md for how to build it");
    }
    return loaded.articles();
  }

  /** Assigns every labelled article a side, keeping the sides already written; returns the counts. */
  public Map<String, Integer> split() {
    List<LabelledArticle> articles = realArticles();
    Map<String, Splits.Assignment> locked = Splits.read(splitFile());
    List<Splits.Assignment> assigned = Splits.assign(articles, locked);
    List<Splits.Assignment> all = new ArrayList<>(assigned);
    // ids locked earlier whose text is missing now keep their rows
    locked.values().stream().filter(a -> assigned.stream().noneMatch(b -> b.id().equals(a.id()))).forEach(all::add);
    Splits.write(splitFile(), all);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Splits.Assignment a : assigned) {
      counts.merge(a.side(), 1, Integer::sum);
    }
    counts.put("new", (int) assigned.stream().filter(a -> !locked.containsKey(a.id())).count());
    return counts;
  }

  /** The labelled articles on one side of the locked split; fails when the split has not been made. */
  public List<LabelledArticle> side(String side) {
    Map<String, Splits.Assignment> locked = Splits.read(splitFile());
    if (locked.isEmpty()) {
      throw new ConfigException(splitFile().toString(), null, "no split yet: run 'watchfloor model split' first");
    }
    List<LabelledArticle> out = new ArrayList<>();
    for (LabelledArticle a : realArticles()) {
      Splits.Assignment s = locked.get(a.id());
      if (s == null) {
        throw new ConfigException(splitFile().toString(), a.id(),
            "this labelled article has no side: run 'watchfloor model split' to place new articles");
      }
      if (s.side().equals(side)) {
        out.add(a);
      }
    }
    return out;
  }

  /** Trains on the training side and writes the model. */
  public ReaderTrainer.Trained train(RuleClassifier rules, ReaderTrainer.Settings settings, Path model) {
    List<LabelledArticle> train = side(Splits.TRAIN);
    WrittenDevSet.Halves written = WrittenDevSet.load(devset);
    List<LabelledArticle> extra = new ArrayList<>(written.tuning());
    extra.addAll(written.train());
    String description = "v" + ReaderModel.VERSION + ", " + train.size() + " real training articles";
    ReaderTrainer.Trained trained = new ReaderTrainer(rules, settings).train(train, extra, description);
    trained.model().write(model);
    return trained;
  }

  /** The quality table of a reader (null: the rules alone) on the locked test side and the written held-out half. */
  public String evaluate(RuleClassifier classifier, NewsReader reader, boolean includeTrain) {
    RuleClassifier c = classifier.withReader(reader);
    List<String> names = new ArrayList<>();
    List<List<Evaluation.Measure>> columns = new ArrayList<>();
    List<LabelledArticle> test = side(Splits.TEST);
    names.add("real news, locked test (" + test.size() + ")");
    columns.add(Evaluation.measure(Evaluation.run(c, test)));
    if (includeTrain) {
      List<LabelledArticle> train = side(Splits.TRAIN);
      names.add("real news, training side (" + train.size() + ", seen in training)");
      columns.add(Evaluation.measure(Evaluation.run(c, train)));
    }
    WrittenDevSet.Halves written = WrittenDevSet.load(devset);
    names.add("written dev set, held-out half (" + written.heldOut().size() + ")");
    columns.add(Evaluation.measure(Evaluation.run(c, written.heldOut())));
    return Evaluation.table(names, columns);
  }

  /**
   * Cross-validation on the training side only, for choosing settings without touching the test side: the reader is
   * trained on four fifths of the training groups and measured on the fifth, five times; the table is over all five.
   * The rules alone are measured on the same articles for comparison.
   */
  public String crossValidate(RuleClassifier classifier, ReaderTrainer.Settings settings) {
    List<LabelledArticle> train = side(Splits.TRAIN);
    Map<String, List<String>> groups = Splits.groups(train);
    Map<String, Integer> foldOf = new LinkedHashMap<>();
    int k = 0;
    for (List<String> ids : groups.values()) {
      int fold = k++ % 5;
      ids.forEach(id -> foldOf.put(id, fold));
    }
    WrittenDevSet.Halves written = WrittenDevSet.load(devset);
    List<LabelledArticle> extra = new ArrayList<>(written.tuning());
    extra.addAll(written.train());
    List<Evaluation.Outcome> learned = new ArrayList<>();
    for (int f = 0; f < 5; f++) {
      int fold = f;
      List<LabelledArticle> in = train.stream().filter(a -> foldOf.get(a.id()) != fold).toList();
      List<LabelledArticle> out = train.stream().filter(a -> foldOf.get(a.id()) == fold).toList();
      ReaderModel m = new ReaderTrainer(classifier, settings).train(in, extra, "cv").model();
      learned.addAll(Evaluation.run(classifier.withReader(new NewsReader(m)), out));
    }
    List<Evaluation.Outcome> rules = Evaluation.run(classifier.withReader(null), train);
    return Evaluation.table(List.of("cross-validated reader (" + train.size() + ")", "rules alone"),
        List.of(Evaluation.measure(learned), Evaluation.measure(rules)));
  }

  private static String abbreviate(List<String> ids) {
    return ids.size() <= 10 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 10)) + ", ...";
  }
}
