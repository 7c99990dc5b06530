package org.watchfloor.learn.data;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.YamlFiles;

/**
 * The labelled real-news set. Labels live in the repository ({@code data/realnews/labels/*.yaml}, with the sentence
 * spans in {@code spans/*.tsv}); third-party text never does: it is read from a local cache,
 * {@code $WATCHFLOOR_REALNEWS_CACHE} or {@code ~/.cache/watchfloor/realnews}, one {@code raw/<id>.txt} per article
 * (the URL, the title, a blank line, the text). See {@code data/realnews/README.md} for how to rebuild the cache.
 */
public final class RealNewsSet {
  private RealNewsSet() {}

  /**
   * What was loaded; the ids whose text is missing from the cache; and the ids whose text changed since it was
   * labelled, which are loaded without their sentence labels.
   */
  public record Loaded(List<LabelledArticle> articles, List<String> missing, List<String> changed) {}

  /** The cache folder the environment names, or the default under the home folder. */
  public static Path defaultCache() {
    String env = System.getenv("WATCHFLOOR_REALNEWS_CACHE");
    return env != null && !env.isBlank() ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "watchfloor", "realnews");
  }

  /** Label rows as written in {@code labels/*.yaml}. */
  record Row(String id, String url, String date, String theatre, String kind, String subject, String story,
      Boolean political, String level, List<String> accepted, List<String> states, List<String> people,
      List<String> topics, List<String> sents) {}

  public static Loaded load(Path labelsDir, Path cache) {
    Path labels = labelsDir.resolve("labels");
    Path spans = labelsDir.resolve("spans");
    if (!Files.isDirectory(labels)) {
      throw new ConfigException(labels.toString(), null, "no labels folder (expected data/realnews/labels)");
    }
    Map<String, List<SentenceLabel>> sentenceLabels = readSpans(spans);
    List<LabelledArticle> out = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (Path file : yamlFiles(labels)) {
      List<Row> rows;
      try (InputStream in = Files.newInputStream(file)) {
        rows = YamlFiles.YAML.readValue(in, new TypeReference<List<Row>>() {});
      } catch (IOException e) {
        throw new ConfigException(file.toString(), null, "not a list of labelled articles", e);
      }
      if (rows == null) {
        continue;
      }
      for (Row r : rows) {
        Path raw = cache.resolve("raw").resolve(r.id() + ".txt");
        if (!Files.isRegularFile(raw)) {
          missing.add(r.id());
          continue;
        }
        String[] doc = readRaw(raw);
        String title = doc[1];
        String text = doc[2];
        String document = title + "\n" + text;
        // the tool counts code points; Java strings count UTF-16 units
        int codePoints = document.codePointCount(0, document.length());
        List<SentenceLabel> sents = new ArrayList<>();
        boolean ok = true;
        for (SentenceLabel s : sentenceLabels.getOrDefault(r.id(), List.of())) {
          if (s.end() > codePoints) {
            ok = false;
            break;
          }
          int start = document.offsetByCodePoints(0, s.start());
          int end = document.offsetByCodePoints(0, s.end());
          if (!sha1(document.substring(start, end)).equals(s.sha1())) {
            ok = false;
            break;
          }
          sents.add(new SentenceLabel(s.index(), start, end, s.sha1(), s.eventClass(), s.severity(), s.flags()));
        }
        if (!ok) {
          // a cache rebuilt from the live page: the article's labels stand, its sentence spans do not
          changed.add(r.id());
          sents = List.of();
        }
        List<TensionLevel> accepted = new ArrayList<>();
        for (String a : r.accepted()) {
          accepted.add(TensionLevel.valueOf(a));
        }
        out.add(new LabelledArticle(r.id(), r.url(), r.date(), r.theatre(), r.kind(), r.subject(), r.story(),
            Boolean.TRUE.equals(r.political()), TensionLevel.valueOf(r.level()), accepted, r.states(), r.people(),
            r.topics(), sents, title, text));
      }
    }
    return new Loaded(out, missing, changed);
  }

  /** The id and URL of every labelled article, in file order. */
  public static List<String[]> urls(Path labelsDir) {
    Path labels = labelsDir.resolve("labels");
    if (!Files.isDirectory(labels)) {
      throw new ConfigException(labels.toString(), null, "no labels folder (expected data/realnews/labels)");
    }
    List<String[]> out = new ArrayList<>();
    for (Path file : yamlFiles(labels)) {
      try (InputStream in = Files.newInputStream(file)) {
        List<Row> rows = YamlFiles.YAML.readValue(in, new TypeReference<List<Row>>() {});
        for (Row r : rows == null ? List.<Row>of() : rows) {
          out.add(new String[] {r.id(), r.url()});
        }
      } catch (IOException e) {
        throw new ConfigException(file.toString(), null, "not a list of labelled articles", e);
      }
    }
    return out;
  }

  /** The most of an article's text the cache keeps: the news puts its event first. */
  public static final int CACHED_CHARACTERS = 2_000;

  /**
   * Writes one cache file: the URL, the title, a blank line and the text, cut after the last sentence that ends
   * within {@link #CACHED_CHARACTERS}.
   */
  public static Path writeRaw(Path cache, String id, String url, String title, String text) {
    String t = text.strip();
    if (t.length() > CACHED_CHARACTERS) {
      int cut = -1;
      for (int i = CACHED_CHARACTERS - 1; i > CACHED_CHARACTERS / 2 && cut < 0; i--) {
        char c = t.charAt(i);
        if ((c == '.' || c == '!' || c == '?') && (i + 1 == t.length() || Character.isWhitespace(t.charAt(i + 1)))) {
          cut = i + 1;
        }
      }
      t = t.substring(0, cut > 0 ? cut : CACHED_CHARACTERS);
    }
    Path file = cache.resolve("raw").resolve(id + ".txt");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, url + "\n" + title.replace('\n', ' ').strip() + "\n\n" + t + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  private static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** URL, title, text of a cache file. */
  static String[] readRaw(Path raw) {
    try {
      String all = Files.readString(raw, StandardCharsets.UTF_8);
      String[] lines = all.split("\n", -1);
      String url = lines.length > 0 ? lines[0].strip() : "";
      String title = lines.length > 1 ? lines[1].strip() : "";
      StringBuilder text = new StringBuilder();
      for (int i = 3; i < lines.length; i++) {
        if (i > 3) {
          text.append('\n');
        }
        text.append(lines[i]);
      }
      return new String[] {url, title, text.toString().strip()};
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + raw, e);
    }
  }

  private static Map<String, List<SentenceLabel>> readSpans(Path spans) {
    Map<String, List<SentenceLabel>> out = new HashMap<>();
    if (!Files.isDirectory(spans)) {
      return out;
    }
    try (Stream<Path> files = Files.list(spans)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
          if (line.isBlank()) {
            continue;
          }
          String[] f = line.split("\t", -1);
          Set<String> flags = new LinkedHashSet<>();
          if (f.length > 7 && !f[7].isBlank()) {
            flags.addAll(List.of(f[7].split(",")));
          }
          out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new SentenceLabel(Integer.parseInt(f[1]),
              Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4], f[5], Integer.parseInt(f[6]), flags));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + spans, e);
    }
    return out;
  }

  /** The first ten hex digits of the SHA-1 of a sentence, as the labelling tool writes them. */
  static String sha1(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
