package org.watchfloor.feeds.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.feeds.parse.FeedParseException;
import org.watchfloor.feeds.parse.FeedParser;

/**
 * Feed parsing per CPU-second of one thread: a companion to {@link FeedParseBenchmark} that stays meaningful when
 * the machine is shared (wall-clock throughput then mostly measures the other processes).
 *
 * <p>Run: {@code ./mvnw -q -pl modules/feeds exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.watchfloor.feeds.bench.FeedParseCpuTime}
 */
public final class FeedParseCpuTime {
  private static final Logger LOG = LoggerFactory.getLogger(FeedParseCpuTime.class);

  private FeedParseCpuTime() {}

  public static void main(String[] args) throws FeedParseException {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    FeedParser parser = new FeedParser();
    byte[][] feeds = {BenchFeeds.rss(50, 0), BenchFeeds.atom(50)};
    String[] names = {"rss_2.0, 50 items", "atom_1.0, 50 entries"};
    for (int f = 0; f < feeds.length; f++) {
      double best = 0;
      for (int round = 0; round < 8; round++) {
        long c0 = cpu.getCurrentThreadCpuTime();
        int n = 0;
        while (cpu.getCurrentThreadCpuTime() - c0 < 1_000_000_000L) {
          if (parser.parse(feeds[f], "application/xml", "https://news.example.org/feed").entries().size() != 50) {
            throw new IllegalStateException("benchmark feed did not parse to 50 entries");
          }
          n++;
        }
        double rate = n / ((cpu.getCurrentThreadCpuTime() - c0) / 1e9);
        best = Math.max(best, rate);
        if (round >= 3) {
          LOG.info("{}: round {} {} feeds per CPU-second", names[f], round, String.format(Locale.ROOT, "%.0f", rate));
        }
      }
      LOG.info("{}: best {} feeds per CPU-second (rounds 0-2 are warm-up)", names[f],
          String.format(Locale.ROOT, "%.0f", best));
    }
  }
}
