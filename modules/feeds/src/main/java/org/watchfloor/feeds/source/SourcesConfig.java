package org.watchfloor.feeds.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.Durations;
import org.watchfloor.model.config.YamlFiles;

/**
 * The contents of {@code config/sources.yaml}: poll-interval defaults and the list of sources.
 *
 * @param defaults intervals used when a source names none
 * @param sources the sources
 */
public record SourcesConfig(Defaults defaults, List<Source> sources) {
  public static final String FILE = "sources.yaml";

  /** Default poll-interval bounds. */
  public record Defaults(String minInterval, String maxInterval) {}

  public SourcesConfig {
    defaults = defaults == null ? new Defaults("5m", "2h") : defaults;
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** Reads and validates {@code DIR/sources.yaml}, failing with the file, key and reason. */
  public static SourcesConfig load(Path configDir) {
    Path file = configDir.resolve(FILE);
    return YamlFiles.read(file, SourcesConfig.class).validated(file.toString());
  }

  /** Checks every source and fills in the default intervals. */
  public SourcesConfig validated(String file) {
    String dMin = defaults.minInterval() == null ? "5m" : defaults.minInterval();
    String dMax = defaults.maxInterval() == null ? "2h" : defaults.maxInterval();
    checkDuration(file, "defaults.min_interval", dMin);
    checkDuration(file, "defaults.max_interval", dMax);
    Set<String> names = new HashSet<>();
    List<Source> out = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      String key = "sources[" + i + "]";
      Source s = sources.get(i);
      if (s == null) {
        throw new ConfigException(file, key, "empty source");
      }
      s = s.withDefaults(dMin, dMax);
      validate(file, key, s);
      if (!names.add(s.name())) {
        throw new ConfigException(file, key + ".name", "duplicate source name '" + s.name() + "'");
      }
      out.add(s);
    }
    return new SourcesConfig(new Defaults(dMin, dMax), out);
  }

  /** Validates one source (also used for sources the launcher adds). */
  public static void validate(String file, String key, Source s) {
    if (s.name().isBlank()) {
      throw new ConfigException(file, key + ".name", "must not be blank");
    }
    try {
      URI uri = new URI(s.url());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new ConfigException(file, key + ".url", "must be an absolute http(s) URL, got '" + s.url() + "'");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(file, key + ".url", "not a URL: " + e.getMessage());
    }
    if (s.type() == SourceType.LISTING && (s.selector() == null || s.selector().isBlank())) {
      throw new ConfigException(file, key + ".selector", "a listing source needs a CSS selector");
    }
    Duration min = checkDuration(file, key + ".min_interval", s.minInterval());
    Duration max = checkDuration(file, key + ".max_interval", s.maxInterval());
    if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
      throw new ConfigException(file, key, "need 0 < min_interval <= max_interval, got " + min + " and " + max);
    }
  }

  private static Duration checkDuration(String file, String key, String value) {
    if (value == null) {
      throw new ConfigException(file, key, "is required");
    }
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file, key, e.getMessage());
    }
  }
}
