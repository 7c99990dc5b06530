package org.watchfloor.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.watchfloor.feeds.parse.FeedParseException;
import org.watchfloor.feeds.parse.FeedParser;
import org.watchfloor.feeds.parse.ListingParser;
import org.watchfloor.feeds.parse.ParsedEntry;
import org.watchfloor.feeds.parse.ParsedFeed;
import org.watchfloor.http.FetchException;
import org.watchfloor.http.FetchLimits;
import org.watchfloor.http.FetchRequest;
import org.watchfloor.http.FetchResult;
import org.watchfloor.http.SafeHttpFetcher;
import org.watchfloor.model.Json;
import org.watchfloor.model.config.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code watchfloor feed} commands, for users checking or debugging a source. */
@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = {"Check feed sources the way the feeds stage reads them.", "", "Run 'watchfloor feed parse --help'."},
    subcommands = {FeedCommand.Parse.class})
public final class FeedCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Parses feeds from files or URLs and prints one JSON line per input. */
  @Command(
      name = "parse",
      mixinStandardHelpOptions = true,
      description = {
        "Parse RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1 feeds with the feeds stage's safe parser and",
        "print one JSON line per input: input, ok, format, title, final_url, entry_count and the entries (id,",
        "title, link, published, and author and language when the feed gives them), or ok=false with the reason",
        "(HTTP_STATUS, TOO_LARGE, MALFORMED_XML, MALFORMED_JSON, NOT_A_FEED, BAD_ENCODING, HTML_NOT_FEED,",
        "DOCTYPE_REFUSED, PRIVATE_ADDRESS, READ_ERROR, ...) and the error in plain words. The encoding is read",
        "from a byte-order mark, then the HTTP charset, then the XML declaration (UTF-8, UTF-16, UTF-32 and",
        "8-bit encodings; UTF-16/32 also without a mark). URLs are fetched with the same",
        "limits as the stage (timeouts, 10 MB body, 5 redirects, gzip-bomb and slow-drip guards); files may be",
        "gzip-compressed (.gz). With --selector, inputs are HTML listing pages read with that CSS selector.",
        "Exits 1 when any input failed.",
        "",
        "Examples:",
        "  watchfloor feed parse https://feeds.bbci.co.uk/news/world/asia/rss.xml",
        "  watchfloor feed parse --no-entries saved/*.xml > report.jsonl",
        "  watchfloor feed parse --selector 'ul.releases a' https://ministry.example.org/press/"
      })
  public static final class Parse implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE_OR_URL", arity = "1..*", description = "Feed files (.xml, .rss, .atom, .gz, ...) or http(s) URLs.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--allow-private", description = "Allow URLs on loopback and private addresses (local test servers).")
    boolean allowPrivate;

    @Option(names = "--no-entries", description = "Print the entry count only, not the entries.")
    boolean noEntries;

    @Option(names = "--selector", paramLabel = "CSS", description = "Treat inputs as HTML listing pages; CSS selector for the article links.")
    String selector;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
        description = "Overall time limit per URL (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Duration total = Durations.parse(timeout);
      FetchLimits limits = FetchLimits.DEFAULTS.withTimeouts(
          FetchLimits.DEFAULTS.connectTimeout().compareTo(total) < 0 ? FetchLimits.DEFAULTS.connectTimeout() : total,
          FetchLimits.DEFAULTS.readTimeout().compareTo(total) < 0 ? FetchLimits.DEFAULTS.readTimeout() : total,
          total);
      SafeHttpFetcher fetcher = new SafeHttpFetcher(limits);
      FeedParser feedParser = new FeedParser();
      ListingParser listingParser = new ListingParser();
      int failures = 0;
      for (String input : inputs) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("input", input);
        try {
          byte[] body;
          String contentType = null;
          String location = input;
          if (isUrl(input)) {
            FetchRequest req = FetchRequest.of(input).withAllowPrivate(allowPrivate)
                .withAccept(selector == null ? FetchRequest.ACCEPT_FEEDS : FetchRequest.ACCEPT_HTML);
            FetchResult r = fetcher.fetch(req);
            body = r.body();
            contentType = r.contentType();
            location = r.finalUrl();
          } else {
            body = read(Path.of(input), limits.maxDecompressedBytes());
          }
          ParsedFeed feed = selector == null
              ? feedParser.parse(body, contentType, location)
              : listingParser.parse(body, contentType, location, selector);
          line.put("ok", true);
          line.put("format", feed.format());
          line.put("title", feed.title());
          if (!location.equals(input)) {
            line.put("final_url", location);
          }
          line.put("entry_count", feed.entries().size());
          if (!noEntries) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (ParsedEntry e : feed.entries()) {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("id", e.id());
              m.put("title", e.title());
              m.put("link", e.link());
              m.put("published", e.published() == null ? null : e.published().toString());
              if (e.author() != null) {
                m.put("author", e.author());
              }
              if (e.language() != null) {
                m.put("language", e.language());
              }
              entries.add(m);
            }
            line.put("entries", entries);
          }
        } catch (FetchException e) {
          failures++;
          line.put("ok", false);
          line.put("reason", e.reason().name());
          if (e.status() > 0) {
            line.put("status", e.status());
          }
          line.put("error", e.getMessage());
        } catch (FeedParseException e) {
          failures++;
          line.put("ok", false);
          line.put("reason", e.reason().name());
          line.put("error", e.getMessage());
        } catch (IOException | RuntimeException e) {
          failures++;
          line.put("ok", false);
          line.put("reason", "READ_ERROR");
          line.put("error", readError(input, e));
        }
        out.println(Json.writeString(line));
        out.flush();
      }
      return failures == 0 ? 0 : 1;
    }

    /** What went wrong reading a file, in words (never a Java exception's text). */
    static String readError(String input, Exception e) {
      if (e instanceof java.nio.file.NoSuchFileException) {
        return "cannot read " + input + ": no such file";
      }
      if (e instanceof java.nio.file.AccessDeniedException) {
        return "cannot read " + input + ": permission denied";
      }
      if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
        return "cannot read " + input + ": not a complete gzip file";
      }
      if (e instanceof TooLarge) {
        return e.getMessage();
      }
      if (e instanceof java.nio.file.InvalidPathException) {
        return "cannot read " + input + ": not a valid file name";
      }
      if (Files.isDirectory(Path.of(input))) {
        return "cannot read " + input + ": it is a folder, not a file";
      }
      return "cannot read " + input + " as a feed";
    }

    /** A file over the size limit. */
    private static final class TooLarge extends IOException {
      private static final long serialVersionUID = 1L;

      TooLarge(String message) {
        super(message);
      }
    }

    private static boolean isUrl(String input) {
      String s = input.toLowerCase(Locale.ROOT);
      return s.startsWith("http://") || s.startsWith("https://");
    }

    private static byte[] read(Path file, long max) throws IOException {
      try (InputStream raw = Files.newInputStream(file);
           InputStream in = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
               ? new GZIPInputStream(raw) : raw) {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
          throw new TooLarge("cannot read " + file + ": it is larger than " + max + " bytes");
        }
        return bytes;
      }
    }
  }
}
