package org.watchfloor.pages.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scores {@link ArticleExtractor} against the gold set in {@code src/test/resources/gold}: token-level precision,
 * recall and F1 per page, micro-averaged over all tokens and macro-averaged over pages.
 *
 * <p>Run: {@code ./mvnw -q -pl modules/pages exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.watchfloor.pages.extract.GoldSetEvaluator}
 */
public final class GoldSetEvaluator {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

  /** One page's scores. */
  public record PageScore(String name, int extracted, int expected, int overlap) {
    public double precision() {
      return extracted == 0 ? 0 : (double) overlap / extracted;
    }

    public double recall() {
      return expected == 0 ? 0 : (double) overlap / expected;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Scores over the whole set. */
  public record Report(List<PageScore> pages) {
    public double microPrecision() {
      return ratio(pages.stream().mapToLong(PageScore::overlap).sum(), pages.stream().mapToLong(PageScore::extracted).sum());
    }

    public double microRecall() {
      return ratio(pages.stream().mapToLong(PageScore::overlap).sum(), pages.stream().mapToLong(PageScore::expected).sum());
    }

    public double microF1() {
      double p = microPrecision();
      double r = microRecall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double meanPrecision() {
      return pages.stream().mapToDouble(PageScore::precision).average().orElse(0);
    }

    public double meanRecall() {
      return pages.stream().mapToDouble(PageScore::recall).average().orElse(0);
    }

    public double meanF1() {
      return pages.stream().mapToDouble(PageScore::f1).average().orElse(0);
    }

    public double minF1() {
      return pages.stream().mapToDouble(PageScore::f1).min().orElse(0);
    }

    private static double ratio(long a, long b) {
      return b == 0 ? 0 : (double) a / b;
    }

    public String format() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%-52s %9s %9s %7s %7s %7s%n", "page", "extracted", "expected",
          "P", "R", "F1"));
      for (PageScore p : pages) {
        sb.append(String.format(Locale.ROOT, "%-52s %9d %9d %7.3f %7.3f %7.3f%n", p.name(), p.extracted(),
            p.expected(), p.precision(), p.recall(), p.f1()));
      }
      sb.append(String.format(Locale.ROOT, "%npages: %d%nmicro  P %.3f  R %.3f  F1 %.3f%nmean   P %.3f  R %.3f  F1 %.3f"
          + "%nworst F1 %.3f%n", pages.size(), microPrecision(), microRecall(), microF1(), meanPrecision(),
          meanRecall(), meanF1(), minF1()));
      return sb.toString();
    }
  }

  public static void main(String[] args) {
    Path dir = args.length > 0 ? Paths.get(args[0]) : goldDir();
    System.out.print(evaluate(dir).format());
  }

  /** The gold folder on the test classpath. */
  public static Path goldDir() {
    URL url = GoldSetEvaluator.class.getResource("/gold");
    if (url == null) {
      throw new IllegalStateException("gold set not on the classpath");
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Report evaluate(Path dir) {
    ArticleExtractor extractor = new ArticleExtractor();
    List<PageScore> scores = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path html : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        String name = html.getFileName().toString().replace(".html", "");
        Path txt = html.resolveSibling(name + ".txt");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        String expected = Files.readString(txt, StandardCharsets.UTF_8);
        String extracted = extractor.extract(page, "https://gold.example/" + name).text();
        scores.add(score(name, extracted, expected));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Report(scores);
  }

  /** Bag-of-tokens overlap: each expected token can be matched once. */
  public static PageScore score(String name, String extracted, String expected) {
    List<String> got = tokens(extracted);
    List<String> want = tokens(expected);
    Map<String, Integer> counts = new HashMap<>();
    for (String t : want) {
      counts.merge(t, 1, Integer::sum);
    }
    int overlap = 0;
    for (String t : got) {
      Integer c = counts.get(t);
      if (c != null && c > 0) {
        overlap++;
        counts.put(t, c - 1);
      }
    }
    return new PageScore(name, got.size(), want.size(), overlap);
  }

  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

}
