package org.watchfloor.alerting.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.watchfloor.alerting.rules.ArticleFacts;
import org.watchfloor.alerting.rules.MapRuleState;
import org.watchfloor.alerting.rules.Rule;
import org.watchfloor.alerting.rules.RuleEngine;
import org.watchfloor.alerting.rules.RuleHit;
import org.watchfloor.alerting.rules.RuleLoader;
import org.watchfloor.alerting.rules.RuleSet;
import org.watchfloor.alerting.rules.TestArticles;
import org.watchfloor.model.EnrichedArticle;

/**
 * 1,000 active rules of every type against a stream of enriched articles, on one thread: articles per second through
 * the rule index with state, and the same rules tried one by one for comparison.
 *
 * <p>Run: {@code ./mvnw -q -pl modules/alerting test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.watchfloor.alerting.bench.RuleEngineBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class RuleEngineBench {
  static final int ACTOR_COUNT = 80;
  static final String[] TOPICS = {"military", "nuclear_missiles", "diplomacy", "sanctions", "alliances_exercises",
      "domestic_politics", "human_rights", "economy_trade", "cyber", "humanitarian", "terrorism", "border_maritime"};

  @Param({"1000"})
  int rules;

  private RuleEngine engine;
  private List<Rule> all;
  private EnrichedArticle[] articles;
  private MapRuleState state;
  private int next;

  static String actor(int i) {
    return i < 10 ? new String[] {"PRK", "KOR", "USA", "JPN", "CHN", "RUS", "UKR", "TWN", "IRN", "ISR"}[i]
        : "A" + i;
  }

  /** A realistic mix: most rules watch one or two actors, some a topic or dyad, a few every article. */
  static RuleSet rules(int n, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("rules:\n");
    for (int i = 0; i < n; i++) {
      String a = actor(r.nextInt(ACTOR_COUNT));
      String b = actor(r.nextInt(ACTOR_COUNT));
      String t = TOPICS[r.nextInt(TOPICS.length)];
      sb.append("  - {id: r").append(i).append(", ");
      int kind = r.nextInt(100);
      if (kind < 35) {
        sb.append("type: match, group_by: actor, realert: 10m, filter: {actors: [").append(a).append(", ").append(b)
            .append("], min_level: ELEVATED}");
      } else if (kind < 55) {
        sb.append("type: frequency, window: 1h, threshold: 20, group_by: actor, filter: {actors: [").append(a)
            .append("]}");
      } else if (kind < 65) {
        sb.append("type: tension_rise, window: 1h, level: HIGH, delta: 15, group_by: dyad, filter: {dyads: [")
            .append(a).append('>').append(b).append("]}");
      } else if (kind < 75) {
        sb.append("type: spike, window: 1h, baseline: 24h, factor: 3, min_count: 10, group_by: topic, ")
            .append("filter: {topics: [").append(t).append("], min_topic_score: 0.4}");
      } else if (kind < 85) {
        sb.append("type: new_actor, lookback: 7d, filter: {actors: [").append(a).append("]}");
      } else if (kind < 95) {
        sb.append("type: match, realert: 5m, filter: {all_actors: [").append(a).append(", ").append(b)
            .append("], keywords: [missile, drill, sanction]}");
      } else if (kind < 98) {
        sb.append("type: match, realert: 10m, filter: {min_level: SEVERE, keywords: [nuclear test]}");
      } else {
        sb.append("type: flatline, quiet: 6h, group_by: source");
      }
      sb.append("}\n");
    }
    RuleSet set = new RuleLoader(Map.of()).parse(sb.toString(), "bench");
    if (!set.problems().isEmpty()) {
      throw new IllegalStateException(set.problems().toString());
    }
    return set;
  }

  static EnrichedArticle[] articles(int n, long seed) {
    Random r = new Random(seed);
    EnrichedArticle[] out = new EnrichedArticle[n];
    for (int i = 0; i < n; i++) {
      TestArticles a = TestArticles.article("x" + i).at(TestArticles.T0.plusMillis(200L * i))
          .source("source-" + r.nextInt(40)).score(r.nextInt(100))
          .title("Article " + i).text(r.nextInt(4) == 0 ? "A missile drill was reported near the border."
              : "Officials met to discuss trade and the weather over a long lunch, according to reports.");
      int actors = 1 + r.nextInt(4);
      String first = null;
      for (int k = 0; k < actors; k++) {
        // skewed: the first ten actors (the region's states) appear most
        String actor = actor(r.nextInt(3) == 0 ? r.nextInt(ACTOR_COUNT) : r.nextInt(10));
        a.actors(actor);
        if (first == null) {
          first = actor;
        } else {
          a.dyad(first, actor);
        }
      }
      a.topic(TOPICS[r.nextInt(TOPICS.length)], r.nextDouble());
      out[i] = a.build();
    }
    return out;
  }

  @Setup
  public void setup() {
    RuleSet set = rules(rules, 42);
    engine = RuleEngine.of(set);
    all = new ArrayList<>(set.rules());
    articles = articles(20_000, 7);
    state = new MapRuleState();
  }

  static void cpuTime(int ruleCount) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    RuleEngineBench b = new RuleEngineBench();
    b.rules = ruleCount;
    b.setup();
    long alerts = 0;
    for (int round = 0; round < 6; round++) {
      long cpu0 = mx.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      int n = 20_000;
      for (int i = 0; i < n; i++) {
        alerts += b.engine.evaluate(b.articles[b.next++ % b.articles.length], b.state).size();
      }
      double cpuS = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
      double wallS = (System.nanoTime() - wall0) / 1e9;
      System.out.printf(Locale.ROOT, "round %d%s: %d rules, %.0f articles per CPU-second (%.0f per wall-second)%n",
          round, round < 2 ? " (warm-up)" : "", ruleCount, n / cpuS, n / wallS);
    }
    System.out.println("alerts fired: " + alerts);
  }

  @Benchmark
  public void indexedRules(Blackhole bh) {
    bh.consume(engine.evaluate(articles[next++ % articles.length], state));
  }

  @Benchmark
  public void everyRuleTried(Blackhole bh) {
    ArticleFacts facts = ArticleFacts.of(articles[next++ % articles.length]);
    for (Rule r : all) {
      for (RuleHit hit : r.hits(facts)) {
        bh.consume(r.evaluate(hit, state, List.of()));
      }
    }
  }

  /**
   * Under {@code exec:java} the classes come from a class loader, not {@code java.class.path}; JMH's forked JVM needs
   * them on its class path.
   */
  static void forkClasspath() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    if (cl instanceof URLClassLoader) {
      StringBuilder cp = new StringBuilder();
      for (URL url : ((URLClassLoader) cl).getURLs()) {
        try {
          cp.append(cp.length() == 0 ? "" : File.pathSeparator).append(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
          throw new IllegalStateException("bad class path entry " + url, e);
        }
      }
      System.setProperty("java.class.path", cp.toString());
    }
  }

  /**
   * Runs the benchmarks; JMH options may follow (e.g. {@code -prof stack}, {@code -p rules=100}). With {@code --cpu}
   * it instead measures articles per second of this thread's CPU time, which a machine shared with other work
   * distorts far less than wall-clock throughput.
   */
  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    if (args.length > 0 && args[0].equals("--cpu")) {
      cpuTime(args.length > 1 ? Integer.parseInt(args[1]) : 1000);
      return;
    }
    forkClasspath();
    CommandLineOptions cli = new CommandLineOptions(args);
    new Runner(new OptionsBuilder().parent(cli).include(RuleEngineBench.class.getSimpleName()).build()).run();
  }
}
