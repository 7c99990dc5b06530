package org.watchfloor.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.classify.RuleClassifier;
import org.watchfloor.classify.reader.NewsReader;
import org.watchfloor.classify.reader.ReaderModel;
import org.watchfloor.learn.ModelWorkflow;
import org.watchfloor.learn.data.RealNewsSet;
import org.watchfloor.learn.train.ReaderTrainer;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.Durations;
import org.watchfloor.pages.extract.ArticleExtractor;
import org.watchfloor.pages.extract.Extraction;
import org.watchfloor.pages.fetch.FetchPolicy;
import org.watchfloor.pages.fetch.FetchedPage;
import org.watchfloor.pages.fetch.PageUnavailableException;
import org.watchfloor.pages.fetch.PoliteFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The learned news reader's data, training and measurement. */
@Command(name = "model", mixinStandardHelpOptions = true,
    description = {
      "Train and measure the learned news reader that rates tension (see docs/adr/0007-learned-news-reader.md).",
      "",
      "Labels live in data/realnews (labels/*.yaml, spans/*.tsv, split.tsv); the article text lives in a local",
      "cache outside the repository ($WATCHFLOOR_REALNEWS_CACHE or ~/.cache/watchfloor/realnews), because",
      "third-party text is never committed. data/realnews/README.md says how to rebuild the cache.",
      "",
      "Examples:",
      "  watchfloor model cache                 fetch the labelled articles' pages into the local text cache",
      "  watchfloor model split                 place new labelled articles on the locked train/test split",
      "  watchfloor model train                 train on the training side and write the built-in model",
      "  watchfloor model eval                  the quality table on the locked test side, with 95 %% intervals",
      "  watchfloor model eval --rules          the same table for the rule scorer alone"
    },
    subcommands = {ModelCommand.Cache.class, ModelCommand.Split.class, ModelCommand.Train.class,
        ModelCommand.Eval.class})
public final class ModelCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the labels, the text cache, the written dev set and the config are. */
  static final class DataOptions {
    @Option(names = "--labels", paramLabel = "DIR", defaultValue = "data/realnews",
        description = "The labelled real-news folder (default: ${DEFAULT-VALUE}).")
    Path labels;

    @Option(names = "--cache", paramLabel = "DIR",
        description = "The local text cache (default: $WATCHFLOOR_REALNEWS_CACHE or ~/.cache/watchfloor/realnews).")
    Path cache;

    @Option(names = "--devset", paramLabel = "DIR", defaultValue = "modules/classify/src/test/resources/devset",
        description = "The written dev set (default: ${DEFAULT-VALUE}).")
    Path devset;

    @Option(names = "--config", paramLabel = "DIR",
        description = "Config folder for the actor, topic and rule files (default: ./config or $WATCHFLOOR_HOME/config).")
    Path config;

    ModelWorkflow workflow(PrintStream out) {
      return new ModelWorkflow(labels, cache != null ? cache : RealNewsSet.defaultCache(), devset, out);
    }

    RuleClassifier classifier() {
      return Classifiers.load(config != null ? config : ServiceOptions.defaultConfigDir(), false);
    }
  }

  static PrintStream stream(PrintWriter w) {
    return new PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        w.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        w.write(new String(b, off, len, StandardCharsets.UTF_8));
      }

      @Override
      public void flush() {
        w.flush();
      }
    }, true, StandardCharsets.UTF_8);
  }

  @Command(name = "cache", mixinStandardHelpOptions = true,
      description = {
        "Build the local text cache from the labelled URLs: fetch each page politely (robots.txt, one request per",
        "host per --host-delay), extract its title and main text as the pages stage does, and keep the first 2,000",
        "characters. Pages that changed since they were labelled keep their article labels but lose their sentence",
        "labels (model split/train/eval say how many). Only articles missing from the cache are fetched."
      })
  static final class Cache implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataOptions data;

    @Option(names = "--refresh", description = "Fetch every labelled article again, even those already cached.")
    boolean refresh;

    @Option(names = "--allow-private", description = "Allow URLs on loopback and private addresses (test servers).")
    boolean allowPrivate;

    @Option(names = "--host-delay", paramLabel = "DURATION", defaultValue = "1s",
        description = "Least time between two requests to one host (default: ${DEFAULT-VALUE}).")
    String hostDelay;

    @Override
    public Integer call() throws InterruptedException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      java.util.List<String[]> urls;
      try {
        urls = RealNewsSet.urls(data.labels);
      } catch (ConfigException e) {
        err.println("Cannot read the labels: " + e.getMessage());
        return 2;
      }
      Path cache = data.cache != null ? data.cache : RealNewsSet.defaultCache();
      PoliteFetcher fetcher = new PoliteFetcher(FetchPolicy.DEFAULTS.withHostDelay(Durations.parse(hostDelay)));
      ArticleExtractor extractor = new ArticleExtractor();
      int fetched = 0;
      int kept = 0;
      int failed = 0;
      for (String[] row : urls) {
        if (!refresh && java.nio.file.Files.isRegularFile(cache.resolve("raw").resolve(row[0] + ".txt"))) {
          kept++;
          continue;
        }
        try {
          FetchedPage page = fetcher.fetch(row[1], allowPrivate);
          Extraction x = extractor.extract(page.body(), page.charset(), page.finalUrl());
          if (x.text() == null || x.text().isBlank()) {
            failed++;
            err.printf("%s: %s: the page has no article text%n", row[0], row[1]);
            continue;
          }
          RealNewsSet.writeRaw(cache, row[0], row[1], x.title() == null ? "" : x.title(), x.text());
          fetched++;
        } catch (PageUnavailableException e) {
          failed++;
          err.printf("%s: %s: %s%n", row[0], row[1], e.getMessage());
        }
      }
      out.printf("Cache %s: %d fetched, %d already there, %d failed, of %d labelled articles%n", cache, fetched, kept,
          failed, urls.size());
      return failed == 0 ? 0 : 1;
    }
  }

  @Command(name = "split", mixinStandardHelpOptions = true,
      description = {
        "Place every labelled article on the locked split (data/realnews/split.tsv): articles about one event and",
        "syndicated copies form a group, and a group is wholly train or test. A side, once written, never changes."
      })
  static final class Split implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataOptions data;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        Map<String, Integer> counts = data.workflow(stream(out)).split();
        out.printf("Split written to %s: %s%n", data.labels.resolve("split.tsv"), counts);
        return 0;
      } catch (ConfigException e) {
        spec.commandLine().getErr().println("Cannot split: " + e.getMessage());
        return 2;
      }
    }
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {
        "Train the news reader on the training side of the locked split: sentence models on the labelled sentences,",
        "the gate on the political label, the aggregation and its level thresholds on out-of-fold readings.",
        "Deterministic: the same labels, text and options write the same model file."
      })
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataOptions data;

    @Option(names = "--out", paramLabel = "FILE",
        defaultValue = "modules/classify/src/main/resources/org/watchfloor/classify/reader/" + ReaderModel.BUILTIN,
        description = "Where to write the model (default: the built-in model, ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--bits", defaultValue = "18",
        description = "Hashed feature space, 2^bits ids (default: ${DEFAULT-VALUE}); fewer bits, smaller and faster.")
    int bits;

    @Option(names = "--epochs", defaultValue = "10", description = "SGD epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--learning-rate", defaultValue = "0.2",
        description = "AdaGrad's learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--with-written", description = "Also fit the gate and the aggregation on the written dev set's"
        + " tuning half and training folder.")
    boolean withWritten;

    @Option(names = "--learn-topics", description = "Also learn the topics, replacing the rule topics of topics.yaml.")
    boolean learnTopics;

    @Option(names = "--cv", description = "Cross-validate on the training side instead (five folds by story group) and"
        + " print the table; writes no model. For choosing options without touching the test side.")
    boolean crossValidate;

    @Override
    public Integer call() {
      PrintWriter w = spec.commandLine().getOut();
      try {
        ReaderTrainer.Settings d = ReaderTrainer.Settings.DEFAULT;
        ReaderTrainer.Settings settings = new ReaderTrainer.Settings(bits, d.leadSentences(), d.restWeight(),
            d.gateCap(), epochs, learningRate, d.seed(), d.folds(), withWritten, learnTopics);
        if (crossValidate) {
          w.print(data.workflow(stream(w)).crossValidate(data.classifier(), settings));
          w.flush();
          return 0;
        }
        ReaderTrainer.Trained t = data.workflow(stream(w)).train(data.classifier(), settings, out);
        w.printf(Locale.ROOT, "Trained on %d articles and %d labelled sentences; thresholds %s; written to %s%n",
            t.articles(), t.sentences(), java.util.Arrays.toString(t.model().thresholds()), out);
        return 0;
      } catch (ConfigException e) {
        spec.commandLine().getErr().println("Cannot train: " + e.getMessage());
        return 2;
      }
    }
  }

  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = {
        "Print the quality table (issue 14's targets) with 95 %% bootstrap intervals: the locked real-news test side",
        "and the written dev set's held-out half. Measure the test side once per round, at its end."
      })
  static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataOptions data;

    @Option(names = "--model", paramLabel = "FILE",
        description = "A model file from 'model train' (default: the built-in model).")
    Path model;

    @Option(names = "--rules", description = "Measure the rule scorer alone, without the learned reader.")
    boolean rules;

    @Option(names = "--train", description = "Also measure the training side (seen in training: not a quality figure).")
    boolean train;

    @Override
    public Integer call() {
      PrintWriter w = spec.commandLine().getOut();
      try {
        NewsReader reader = rules ? null
            : new NewsReader(model == null ? ReaderModel.builtin() : ReaderModel.read(model));
        w.print(data.workflow(stream(w)).evaluate(data.classifier(), reader, train));
        w.flush();
        return 0;
      } catch (ConfigException e) {
        spec.commandLine().getErr().println("Cannot evaluate: " + e.getMessage());
        return 2;
      }
    }
  }
}
