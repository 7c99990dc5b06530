package org.watchfloor.feeds.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.watchfloor.feeds.parse.FeedParseException;
import org.watchfloor.feeds.parse.FeedParser;
import org.watchfloor.feeds.parse.ParsedFeed;

/**
 * Feed parsing throughput, one thread: feeds of 50 items per second (target at least 2,000).
 *
 * <p>Run: {@code ./mvnw -q -pl modules/feeds exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.watchfloor.feeds.bench.FeedParseBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class FeedParseBenchmark {
  private final FeedParser parser = new FeedParser();
  private byte[] rss;
  private byte[] atom;

  @Setup
  public void setUp() throws FeedParseException {
    rss = BenchFeeds.rss(50, 0);
    atom = BenchFeeds.atom(50);
    if (parser.parse(rss, "application/rss+xml", "https://news.example.org/rss").entries().size() != 50
        || parser.parse(atom, "application/atom+xml", "https://atom.example.org/").entries().size() != 50) {
      throw new IllegalStateException("benchmark feeds do not parse to 50 entries");
    }
  }

  @Benchmark
  public ParsedFeed rss20With50Items() throws FeedParseException {
    return parser.parse(rss, "application/rss+xml", "https://news.example.org/rss");
  }

  @Benchmark
  public ParsedFeed atom10With50Entries() throws FeedParseException {
    return parser.parse(atom, "application/atom+xml", "https://atom.example.org/");
  }

  public static void main(String[] args) throws RunnerException {
    BenchClasspath.exportForForks();
    new Runner(new OptionsBuilder().include(FeedParseBenchmark.class.getSimpleName()).build()).run();
  }
}
