package org.watchfloor.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.watchfloor.classify.ArticleText;
import org.watchfloor.classify.Classification;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.classify.RuleClassifier;
import org.watchfloor.classify.reader.NewsReader;
import org.watchfloor.classify.tension.TensionResult;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.Json;
import org.watchfloor.model.TopicScore;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.Durations;
import org.watchfloor.pages.extract.ArticleExtractor;
import org.watchfloor.pages.extract.Extraction;
import org.watchfloor.pages.fetch.FetchPolicy;
import org.watchfloor.pages.fetch.FetchedPage;
import org.watchfloor.pages.fetch.PageUnavailableException;
import org.watchfloor.pages.fetch.PoliteFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Classifies articles from files, URLs or standard input and prints the enrichment, one JSON line per input. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classify articles as the enrich stage does and print one JSON line per input: input, ok, title,",
      "language, actors (id, type, name, wikidata, country, count, surface_forms), topics (id, score, evidence),",
      "tension (score 0-100, level, goldstein_mean, evidence sentences), dyads (source, target, event_class,",
      "goldstein, sentence) and fingerprint (64-bit SimHash), or the error.",
      "",
      "An input is an HTML page (a .html/.htm file, an http(s) URL, or text that starts with '<'), whose main",
      "text is extracted as the pages stage does, or plain text whose first non-empty line is the title.",
      "'-' reads one article from standard input. Hundreds of inputs run in one JVM; the rules come from",
      "actors.yaml, topics.yaml and tension.yaml in the config folder, and tension is read by the learned news",
      "reader that reader.yaml names (the built-in model by default). Exits 1 when any input failed.",
      "",
      "Examples:",
      "  watchfloor classify article.txt page.html https://example.org/news/1",
      "  echo 'North Korea fires missile' | watchfloor classify --explain -",
      "  watchfloor classify --dir saved-articles/ > enriched.jsonl"
    })
public final class ClassifyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE_OR_URL_OR_-", arity = "0..*",
      description = "Plain-text or HTML files, http(s) URLs, or '-' for standard input.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Also classify every .txt, .html and .htm file under DIR, recursively, in name order.")
  Path dir;

  @Option(names = "--config", paramLabel = "DIR",
      description = "Config folder holding actors.yaml, topics.yaml and tension.yaml (default: ./config or $WATCHFLOOR_HOME/config).")
  Path config;

  @Option(names = "--explain",
      description = "Print the evidence readably instead of JSON: the reader's gate, each sentence's event class,"
          + " severity probabilities and context (negated, hedged, background, rhetoric), the driving sentences,"
          + " actors and their surface forms, topic terms, the rule events the reader uses as features, dyads.")
  boolean explain;

  @Option(names = "--lang", paramLabel = "CODE",
      description = "Language of every input (ISO 639-1), skipping detection.")
  String language;

  @Option(names = "--text", description = "Include the article text in the JSON line.")
  boolean withText;

  @Option(names = "--allow-private", description = "Allow URLs on loopback and private addresses (local test servers).")
  boolean allowPrivate;

  @Option(names = "--host-delay", paramLabel = "DURATION", defaultValue = "1s",
      description = "Least time between two requests to one host (default: ${DEFAULT-VALUE}).")
  String hostDelay;

  /** One article to classify and where it came from. */
  record Input(String name, String title, String text, String language) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> all = new ArrayList<>(inputs);
    if (dir != null) {
      if (!Files.isDirectory(dir)) {
        err.println("Not a directory: " + dir);
        return 2;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(Files::isRegularFile).filter(ClassifyCommand::isArticleFile).map(Path::toString).sorted()
            .forEach(all::add);
      }
    }
    if (all.isEmpty()) {
      err.println("Give at least one FILE_OR_URL_OR_- or --dir DIR (see --help).");
      return 2;
    }
    RuleClassifier classifier;
    try {
      classifier = Classifiers.load(config != null ? config : ServiceOptions.defaultConfigDir());
    } catch (ConfigException e) {
      err.println("Cannot load the classifier config: " + e.getMessage());
      return 2;
    }
    ArticleExtractor extractor = new ArticleExtractor();
    PoliteFetcher fetcher = null;
    int failures = 0;
    for (String name : all) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("input", name);
      try {
        if (isUrl(name) && fetcher == null) {
          fetcher = new PoliteFetcher(FetchPolicy.DEFAULTS.withHostDelay(Durations.parse(hostDelay)));
        }
        Input input = read(name, extractor, fetcher);
        String lang = language != null ? language : input.language();
        RuleClassifier.Explained result = classifier.explain(new ArticleText(input.title(), input.text(), lang, name));
        if (explain) {
          printExplanation(out, input, result);
        } else {
          line.put("ok", true);
          line.put("title", input.title());
          if (withText) {
            line.put("text", input.text());
          }
          put(line, result.classification());
          out.println(Json.writeString(line));
        }
      } catch (IOException | PageUnavailableException | RuntimeException e) {
        failures++;
        line.put("ok", false);
        line.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        out.println(Json.writeString(line));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 130;
      }
      out.flush();
    }
    return failures == 0 ? 0 : 1;
  }

  private Input read(String name, ArticleExtractor extractor, PoliteFetcher fetcher)
      throws IOException, PageUnavailableException, InterruptedException {
    if (isUrl(name)) {
      FetchedPage page = fetcher.fetch(name, allowPrivate);
      return fromHtml(name, extractor.extract(page.body(), page.charset(), page.finalUrl()));
    }
    byte[] body;
    String base;
    if (name.equals("-")) {
      body = readStdin();
      base = "stdin:/";
    } else {
      Path file = Path.of(name);
      body = Files.readAllBytes(file);
      base = file.toAbsolutePath().toUri().toString();
    }
    if (looksLikeHtml(name, body)) {
      return fromHtml(name, extractor.extract(body, null, base));
    }
    return fromPlainText(name, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] readStdin() throws IOException {
    InputStream in = System.in;
    byte[] body = in.readNBytes(64 * 1024 * 1024 + 1);
    if (body.length > 64 * 1024 * 1024) {
      throw new IOException("standard input holds more than 64 MB");
    }
    return body;
  }

  private static Input fromHtml(String name, Extraction x) {
    return new Input(name, x.title() == null ? "" : x.title(), x.text() == null ? "" : x.text(), x.language());
  }

  /** Plain text: the first non-empty line is the title, the rest is the body. */
  static Input fromPlainText(String name, String content) {
    String s = content.startsWith("\uFEFF") ? content.substring(1) : content;
    String[] lines = s.split("\\R", -1);
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    String title = i < lines.length ? lines[i].strip() : "";
    StringBuilder text = new StringBuilder();
    for (int k = i + 1; k < lines.length; k++) {
      text.append(lines[k]).append('\n');
    }
    return new Input(name, title, text.toString().strip(), null);
  }

  static boolean looksLikeHtml(String name, byte[] body) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".html") || lower.endsWith(".htm")) {
      return true;
    }
    for (byte b : body) {
      if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
        return b == '<';
      }
    }
    return false;
  }

  private static void put(Map<String, Object> line, Classification c) {
    line.put("language", c.language());
    line.put("actors", c.actors());
    line.put("topics", c.topics());
    line.put("tension", c.tension());
    line.put("dyads", c.dyads());
    line.put("fingerprint", c.fingerprint());
  }

  private static void printExplanation(PrintWriter out, Input input, RuleClassifier.Explained result) {
    Classification c = result.classification();
    out.println("== " + input.name() + (input.title().isEmpty() ? "" : ": " + input.title()));
    out.printf(Locale.ROOT, "language   %s   fingerprint %016x%n", c.language(), c.fingerprint());
    out.printf(Locale.ROOT, "tension    %.1f %s   (Goldstein mean %+.2f)%n", c.tension().score(), c.tension().level(),
        c.tension().goldsteinMean());
    for (String sentence : c.tension().evidence()) {
      out.println("           > " + sentence);
    }
    NewsReader.Reading reading = result.reading();
    if (reading != null) {
      out.printf(Locale.ROOT, "reader     gate %.2f (%s)   expected level %.2f   rules alone %.1f %s%n", reading.gate(),
          reading.gate() >= 0.5 ? "political or security news" : "not political news: GUARDED at most",
          reading.expectedLevel(), result.rules().tension().score(), result.rules().tension().level());
      out.println("sentences  (weight, event class, P(class), severity LOW..SEVERE, context)");
      for (NewsReader.SentenceReading r : reading.sentences()) {
        List<String> context = r.context();
        if (r.rhetoric() < 0.5) {
          context.add("action");
        }
        double[] p = r.severity();
        out.printf(Locale.ROOT, "  %2d w%.1f %-4s %.2f  [%.2f %.2f %.2f %.2f %.2f] %s%n      %s%n", r.number(),
            r.weight(), r.eventClass(), r.eventClassProbability(), p[0], p[1], p[2], p[3], p[4], context,
            r.text());
      }
    }
    out.println("actors");
    for (ActorMention a : c.actors()) {
      out.printf(Locale.ROOT, "  %-28s %-13s x%d  %s%s%n", a.id(), a.type(), a.count(), a.surfaceForms(),
          a.wikidata() == null ? "" : "  " + a.wikidata());
    }
    out.println("topics");
    for (TopicScore t : c.topics()) {
      out.printf(Locale.ROOT, "  %-20s %.2f  %s%n", t.id(), t.score(), t.evidence());
    }
    out.println("rule events, features of the reader (factor < 1 = weakened by context)");
    for (TensionResult.ScoredEvent e : result.events()) {
      out.printf(Locale.ROOT, "  %-28s g=%+5.1f  x%.2f  -> %5.1f  \"%s\"%s%n", e.eventClass(), e.goldstein(), e.factor(),
          e.contribution(), e.trigger(), e.modifiers().isEmpty() ? "" : "  " + e.modifiers());
    }
    out.println("dyads");
    for (Dyad d : c.dyads()) {
      out.printf(Locale.ROOT, "  %s -> %s  %s (%+.1f)%n", d.source(), d.target(), d.eventClass(), d.goldstein());
    }
    out.println();
  }

  private static boolean isUrl(String input) {
    String s = input.toLowerCase(Locale.ROOT);
    return s.startsWith("http://") || s.startsWith("https://");
  }

  private static boolean isArticleFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm");
  }
}
