package org.watchfloor.classify.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.watchfloor.classify.ArticleText;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.classify.ConfigDir;
import org.watchfloor.classify.RuleClassifier;
import org.watchfloor.classify.eval.DevSet;

/**
 * Companion to {@link ClassifyBenchmark} for a shared, loaded machine: counts the benchmark thread's own CPU time, so
 * that the figure is articles per CPU-second of one core rather than per wall-clock second of a contended one.
 *
 * <p>Run: {@code ./mvnw -q -pl modules/classify exec:java -Dexec.mainClass=org.watchfloor.classify.bench.ClassifyCpuTime}
 */
public final class ClassifyCpuTime {
  private ClassifyCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    RuleClassifier classifier = Classifiers.loadAndWarmUp(ConfigDir.find());
    ArticleText[] articles = ClassifyBenchmark.fourKilobyteArticles(DevSet.load(DevSet.defaultDir()));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (String mode : new String[] {"detect language", "language hint"}) {
      boolean hint = mode.equals("language hint");
      for (int round = 0; round < rounds + 2; round++) {
        int n = 3000;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          ArticleText a = articles[i % articles.length];
          if (hint) {
            a = new ArticleText(a.title(), a.text(), "en", a.source());
          }
          sink += classifier.classify(a).fingerprint();
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        if (round >= 2) {
          System.out.printf(Locale.ROOT, "%-16s round %d: %,.0f articles per CPU-second (%,.0f per wall second)%n",
              mode, round - 1, n / (cpu / 1e9), n / (wall / 1e9));
        }
      }
    }
    System.out.println("(checksum " + sink + ")");
  }
}
