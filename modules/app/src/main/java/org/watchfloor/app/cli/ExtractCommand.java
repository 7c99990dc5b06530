package org.watchfloor.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.watchfloor.model.Json;
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

/** Extracts article pages from files or URLs and prints one JSON line per page, for debugging a source. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extract the main text and metadata of article pages as the pages stage does,",
      "printing one JSON line per page: input, ok, title, text, authors, published,",
      "modified, language, canonical_url, lead_image, site_name - or the error.",
      "Files may be .html, .htm or gzip-compressed .html.gz; URLs are fetched",
      "politely (robots.txt, per-host delay, retries). Hundreds of inputs run in",
      "one JVM. Exits 1 when any input failed, 2 on bad usage.",
      "",
      "Examples:",
      "  watchfloor extract page.html https://example.org/news/1",
      "  watchfloor extract --dir saved-pages/ > extracted.jsonl"
    })
public final class ExtractCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE_OR_URL", arity = "0..*", description = "HTML files (.html, .htm, .html.gz) or http(s) URLs.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--dir", paramLabel = "DIR", description = "Also extract every .html, .htm and .html.gz file under DIR, recursively.")
  Path dir;

  @Option(names = "--allow-private", description = "Allow URLs on loopback and private addresses (local test servers).")
  boolean allowPrivate;

  @Option(names = "--host-delay", paramLabel = "DURATION", defaultValue = "1s",
      description = "Least time between two requests to one host (default: ${DEFAULT-VALUE}).")
  String hostDelay;

  @Option(names = "--no-text", description = "Leave the text out of the output, print its length only.")
  boolean noText;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<String> all = new ArrayList<>(inputs);
    if (dir != null) {
      if (!Files.isDirectory(dir)) {
        spec.commandLine().getErr().println("Not a directory: " + dir);
        return 2;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(Files::isRegularFile).filter(ExtractCommand::isHtmlFile).map(Path::toString).sorted()
            .forEach(all::add);
      }
    }
    if (all.isEmpty()) {
      spec.commandLine().getErr().println("Give at least one FILE_OR_URL or --dir DIR (see --help).");
      return 2;
    }
    java.time.Duration delay;
    try {
      delay = org.watchfloor.model.config.Durations.parse(hostDelay);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("--host-delay: " + e.getMessage());
      return 2;
    }
    ArticleExtractor extractor = new ArticleExtractor();
    PoliteFetcher fetcher = null;
    int failures = 0;
    for (String input : all) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("input", input);
      try {
        Extraction x;
        if (isUrl(input)) {
          if (fetcher == null) {
            fetcher = new PoliteFetcher(FetchPolicy.DEFAULTS.withHostDelay(delay));
          }
          FetchedPage page = fetcher.fetch(input, allowPrivate);
          x = extractor.extract(page.body(), page.charset(), page.finalUrl());
        } else {
          Path file = Path.of(input);
          x = extractor.extract(read(file), null, file.toAbsolutePath().toUri().toString());
        }
        line.put("ok", true);
        put(line, x);
      } catch (IOException | PageUnavailableException | RuntimeException e) {
        failures++;
        line.put("ok", false);
        line.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 130;
      }
      out.println(Json.writeString(line));
      out.flush();
    }
    return failures == 0 ? 0 : 1;
  }

  private void put(Map<String, Object> line, Extraction x) {
    line.put("title", x.title());
    if (noText) {
      line.put("text_length", x.text().length());
    } else {
      line.put("text", x.text());
    }
    line.put("authors", x.authors());
    line.put("published", x.published() == null ? null : x.published().toString());
    line.put("modified", x.modified() == null ? null : x.modified().toString());
    line.put("language", x.language());
    line.put("canonical_url", x.canonicalUrl());
    line.put("lead_image", x.leadImage());
    line.put("site_name", x.siteName());
  }

  private static byte[] read(Path file) throws IOException {
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        // Pages are small; the cap keeps a hostile .gz from filling memory.
        byte[] body = in.readNBytes(64 * 1024 * 1024 + 1);
        if (body.length > 64 * 1024 * 1024) {
          throw new IOException("decompresses to more than 64 MB");
        }
        return body;
      }
    }
    return Files.readAllBytes(file);
  }

  private static boolean isUrl(String input) {
    String s = input.toLowerCase(Locale.ROOT);
    return s.startsWith("http://") || s.startsWith("https://");
  }

  private static boolean isHtmlFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".html.gz") || n.endsWith(".htm.gz");
  }

}
