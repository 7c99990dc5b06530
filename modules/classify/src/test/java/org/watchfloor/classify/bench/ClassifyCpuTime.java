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
 * that the figure is articles per CPU-second of one core rather than per wall-clock second of a contended one. The
 * checksum sums the fingerprints: it changes only if the classification of the bench articles changes.
 *
 * <p>Run: {@code ./mvnw -q -o -pl modules/classify exec:java
 * -Dexec.mainClass=org.watchfloor.classify.bench.ClassifyCpuTime [-Dexec.args=ROUNDS]}
 */
public final class ClassifyCpuTime {
  private static final int WARM_UP_ROUNDS = 5;

  private ClassifyCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    RuleClassifier classifier = Classifiers.loadAndWarmUp(ConfigDir.find());
    ArticleText[] articles = ClassifyBenchmark.fourKilobyteArticles(DevSet.load(DevSet.defaultDir()));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (String mode : new String[] {"detect language", "language hint"}) {
      boolean hint = mode.equals("language hint");
      // five unreported rounds: the JIT needs about 15,000 articles before the figures settle
      for (int round = 0; round < rounds + WARM_UP_ROUNDS; round++) {
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
        if (round >= WARM_UP_ROUNDS) {
          System.out.printf(Locale.ROOT, "%-16s round %d: %,.0f articles per CPU-second (%,.0f per wall second)%n",
              mode, round - WARM_UP_ROUNDS + 1, n / (cpu / 1e9), n / (wall / 1e9));
        }
      }
    }
    System.out.println("(checksum " + sink + ")");
  }
}
