package org.watchfloor.pages.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import org.watchfloor.pages.extract.ArticleExtractor;
import org.watchfloor.pages.extract.GoldSetEvaluator;

/**
 * Companion to {@link ExtractionBenchmark} for a shared, overloaded machine: the same ~100 KB pages, timed by this
 * thread's CPU time rather than the wall clock, so that other processes' load does not count against extraction.
 *
 * <p>Run: {@code ./mvnw -q -pl modules/pages exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.watchfloor.pages.bench.ExtractionCpuTime}
 */
public final class ExtractionCpuTime {
  private ExtractionCpuTime() {}

  public static void main(String[] args) throws Exception {
    List<String> pages = ExtractionBenchmark.pages(GoldSetEvaluator.goldDir());
    ArticleExtractor extractor = new ArticleExtractor();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    long sink = 0;
    for (int round = 1; round <= rounds; round++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      for (String page : pages) {
        sink += extractor.extract(page, "https://bench.example/").text().length();
      }
      double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      double wall = (System.nanoTime() - wall0) / 1e9;
      if (round > rounds / 3) {
        System.out.printf(Locale.ROOT, "round %2d: %6.1f pages per CPU-second, %6.1f pages per wall-second%n", round,
            pages.size() / cpu, pages.size() / wall);
      }
    }
    System.out.printf(Locale.ROOT, "(%d pages per round, %d chars extracted)%n", pages.size(), sink);
  }
}
