package org.watchfloor.classify.eval;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.watchfloor.model.config.YamlFiles;

/** Loads the dev set: every {@code *.yaml} in a directory, in file-name order; even positions tune, odd ones are held out. */
public final class DevSet {
  private DevSet() {}

  /** The dev-set directory of this module's test resources. */
  public static Path defaultDir() {
    Path fromModule = Path.of("src/test/resources/devset");
    if (Files.isDirectory(fromModule)) {
      return fromModule;
    }
    return Path.of("modules/classify/src/test/resources/devset");
  }

  /**
   * The training-only articles: {@code *.yaml} in {@code train/} under the dev set. {@link #load} lists only the files
   * directly in its folder, so these are in neither half; their errors may be read and tuned on.
   */
  public static Path trainDir() {
    return defaultDir().resolve("train");
  }

  public static List<DevArticle> load(Path dir) {
    List<DevArticle> all = new ArrayList<>();
    byFile(dir).values().forEach(all::addAll);
    return all;
  }

  /** The articles of each {@code *.yaml} file, keyed by file name, in file-name order. */
  public static Map<String, List<DevArticle>> byFile(Path dir) {
    Map<String, List<DevArticle>> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          out.put(file.getFileName().toString(),
              YamlFiles.YAML.readValue(in, new TypeReference<List<DevArticle>>() {}));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dev set " + dir, e);
    }
    return out;
  }

  /** The articles of the files whose names start with one of {@code prefixes}, in file-name order. */
  public static List<DevArticle> fromFiles(Path dir, List<String> prefixes) {
    List<DevArticle> out = new ArrayList<>();
    byFile(dir).forEach((name, articles) -> {
      if (prefixes.stream().anyMatch(name::startsWith)) {
        out.addAll(articles);
      }
    });
    return out;
  }

  /** Articles at even positions: the half the rules were tuned on. */
  public static List<DevArticle> tuning(List<DevArticle> all) {
    List<DevArticle> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 2) {
      out.add(all.get(i));
    }
    return out;
  }

  /** Articles at odd positions: measured only, never tuned on. */
  public static List<DevArticle> heldOut(List<DevArticle> all) {
    List<DevArticle> out = new ArrayList<>();
    for (int i = 1; i < all.size(); i += 2) {
      out.add(all.get(i));
    }
    return out;
  }
}
