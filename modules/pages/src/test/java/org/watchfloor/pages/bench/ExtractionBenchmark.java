package org.watchfloor.pages.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
import org.watchfloor.pages.extract.ArticleExtractor;
import org.watchfloor.pages.extract.Extraction;
import org.watchfloor.pages.extract.GoldSetEvaluator;

/**
 * Extraction speed on article pages of about 100 KB (the gold-set pages padded with the scripts, menus, comments and
 * link grids that make real pages that heavy), one thread, in pages per second.
 *
 * <p>Run: {@code ./mvnw -q -pl modules/pages exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.watchfloor.pages.bench.ExtractionBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class ExtractionBenchmark {
  static final int TARGET_BYTES = 100 * 1024;

  private final ArticleExtractor extractor = new ArticleExtractor();
  private List<String> pages;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    pages = pages(GoldSetEvaluator.goldDir());
    long total = pages.stream().mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).sum();
    System.out.printf("%d pages, mean size %d KB%n", pages.size(), total / pages.size() / 1024);
  }

  @Benchmark
  public Extraction extract() {
    String page = pages.get(next);
    next = (next + 1) % pages.size();
    return extractor.extract(page, "https://bench.example/news/" + next);
  }

  /** The gold pages, each padded to about {@link #TARGET_BYTES} with realistic boilerplate. */
  static List<String> pages(Path goldDir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(goldDir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        out.add(pad(Files.readString(f, StandardCharsets.UTF_8), new Random(f.getFileName().hashCode())));
      }
    }
    return out;
  }

  static String pad(String page, Random rng) {
    StringBuilder head = new StringBuilder("<script>window.__INITIAL_STATE__={\"items\":[");
    StringBuilder menu = new StringBuilder("<div class=\"mega-menu\"><ul>");
    StringBuilder tail = new StringBuilder("<section class=\"comments\"><ol>");
    int size = page.length();
    int i = 0;
    while (size + head.length() + menu.length() + tail.length() < TARGET_BYTES) {
      switch (i++ % 3) {
        case 0 -> head.append("{\"id\":").append(rng.nextInt(1_000_000)).append(",\"headline\":\"Story number ")
            .append(i).append(" about the region\",\"url\":\"/news/").append(rng.nextInt(99999))
            .append("\",\"tags\":[\"asia\",\"defence\",\"politics\"]},");
        case 1 -> menu.append("<li><a href=\"/section/").append(i).append("\">Section ").append(i)
            .append("</a><ul><li><a href=\"/s/").append(i).append("/a\">Latest</a></li><li><a href=\"/s/")
            .append(i).append("/b\">Analysis</a></li></ul></li>");
        default -> tail.append("<li class=\"comment\"><div class=\"comment-author\">reader").append(i)
            .append("</div><p>Comment ").append(i).append(": I have been following this story for years, and ")
            .append("every new development makes the situation on the peninsula look more fragile.</p></li>");
      }
    }
    head.append("{}]};</script>");
    menu.append("</ul></div>");
    tail.append("</ol></section>");
    return page.replace("</head>", head + "</head>").replace("<body>", "<body>" + menu)
        .replace("</body>", tail + "</body>");
  }

  public static void main(String[] args) throws RunnerException {
    exposeClassPathToForks();
    new Runner(new OptionsBuilder().include(ExtractionBenchmark.class.getName()).build()).run();
  }

  /** Under {@code exec:java} the classes come from a class loader; JMH's forked JVM needs them on its class path. */
  static void exposeClassPathToForks() {
    if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
      List<String> entries = new ArrayList<>();
      for (URL url : loader.getURLs()) {
        try {
          entries.add(Paths.get(url.toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
          entries.add(url.getPath());
        }
      }
      System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
    }
  }
}
