package org.watchfloor.classify.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.watchfloor.classify.ArticleText;
import org.watchfloor.classify.Classification;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.classify.ConfigDir;
import org.watchfloor.classify.RuleClassifier;
import org.watchfloor.classify.eval.DevArticle;
import org.watchfloor.classify.eval.DevSet;

/**
 * Throughput of full classification (actors, topics, tension and dyads, language, SimHash) of 4 KB articles built from
 * the dev set, single-threaded. {@code classify} identifies the language (English bodies are recognised by their
 * function words; other text goes to Lingua, about 0.2 ms for a Latin-script language); {@code
 * classifyWithLanguageHint} takes the feed's declared language. The {@code reader} parameter compares the shipped
 * classifier (the learned reader on top of the rules) with the rule scorer alone, in one run.
 *
 * <p>Run (after {@code ./mvnw -q -o -pl modules/classify -am install -DskipTests}): {@code ./mvnw -q -o -pl
 * modules/classify exec:java -Dexec.mainClass=org.watchfloor.classify.bench.ClassifyBenchmark -Dexec.args="-prof gc"};
 * any JMH command-line option may be passed in {@code exec.args}. On a loaded machine, read {@link ClassifyCpuTime}
 * beside it.
 *
 * <p>Measured 2026-11-23 on the shared 2-core machine (load 2-4), baseline 4c8d2b8 against the speed work, same
 * configuration and dev set, two alternating runs each: without a hint 2,035-2,242 to 5,519-6,355 articles/s, with a
 * hint 5,475-5,750 to 6,655-6,778; allocation 350-357 KB to 70 KB per article without a hint, 121-124 KB to 68-70 KB
 * with one. Classifications are identical before and after.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassifyBenchmark {
  /** Size of each benchmark article, as the issue asks. */
  static final int ARTICLE_BYTES = 4096;

  /** {@code learned}: the shipped classifier with the learned reader; {@code rules}: the rule scorer alone. */
  @Param({"learned", "rules"})
  public String reader;

  private RuleClassifier classifier;
  private ArticleText[] articles;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    RuleClassifier shipped = Classifiers.loadAndWarmUp(ConfigDir.find());
    classifier = reader.equals("rules") ? shipped.withReader(null) : shipped;
    articles = fourKilobyteArticles(DevSet.load(DevSet.defaultDir()));
  }

  /** Rotates through dev-set texts so that every article is a different 4 KB mix of stories. */
  public static ArticleText[] fourKilobyteArticles(List<DevArticle> devSet) {
    List<ArticleText> out = new ArrayList<>();
    for (int start = 0; start < devSet.size(); start++) {
      StringBuilder body = new StringBuilder(ARTICLE_BYTES + 512);
      int k = start;
      while (body.length() < ARTICLE_BYTES) {
        DevArticle a = devSet.get(k++ % devSet.size());
        body.append(a.text().strip()).append("\n\n");
      }
      body.setLength(ARTICLE_BYTES);
      out.add(new ArticleText(devSet.get(start).title(), body.toString(), null, "bench"));
    }
    return out.toArray(new ArticleText[0]);
  }

  @Benchmark
  public Classification classify() {
    ArticleText a = articles[next];
    next = next + 1 == articles.length ? 0 : next + 1;
    return classifier.classify(a);
  }

  @Benchmark
  public Classification classifyWithLanguageHint() {
    ArticleText a = articles[next];
    next = next + 1 == articles.length ? 0 : next + 1;
    return classifier.classify(new ArticleText(a.title(), a.text(), "en", a.source()));
  }

  public static void main(String[] args) throws Exception {
    exposeClasspathToForks();
    new Runner(new OptionsBuilder()
        .parent(new CommandLineOptions(args))
        .include(ClassifyBenchmark.class.getSimpleName())
        .build()).run();
  }

  /**
   * JMH forks a JVM with {@code java.class.path}; under {@code mvn exec:java} the classes live in a class loader
   * instead, so its URLs are copied into the property.
   */
  private static void exposeClasspathToForks() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader instanceof URLClassLoader urls) {
      StringBuilder cp = new StringBuilder();
      for (URL url : urls.getURLs()) {
        if (cp.length() > 0) {
          cp.append(File.pathSeparatorChar);
        }
        cp.append(new File(url.getPath()).getPath());
      }
      System.setProperty("java.class.path", cp.toString());
    }
  }
}
