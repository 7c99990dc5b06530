package org.watchfloor.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The process-wide settings from {@code watchfloor.yaml}, flattened to dotted keys, with environment variables
 * overriding them: {@code WATCHFLOOR_ELASTICSEARCH_URL} sets {@code elasticsearch.url} (lower case, underscores
 * become dots). Every {@code kafka.*} key passes straight through to the Kafka clients.
 */
public final class Settings {
  public static final String FILE = "watchfloor.yaml";
  private static final String ENV_PREFIX = "WATCHFLOOR_";
  private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|api\\.key|token|jaas|credentials).*");

  private final Map<String, String> values;
  private final Path configDir;

  private Settings(Map<String, String> values, Path configDir) {
    this.values = Map.copyOf(values);
    this.configDir = configDir;
  }

  /** Reads {@code DIR/watchfloor.yaml} (if present) and applies the process environment. */
  public static Settings load(Path configDir) {
    return load(configDir, System.getenv());
  }

  public static Settings load(Path configDir, Map<String, String> env) {
    Objects.requireNonNull(configDir, "configDir");
    Map<String, String> values = new TreeMap<>();
    Path file = configDir.resolve(FILE);
    if (Files.isRegularFile(file)) {
      try {
        JsonNode root = YamlFiles.YAML.readTree(file.toFile());
        if (root != null && !root.isMissingNode() && !root.isNull()) {
          if (!root.isObject()) {
            throw new ConfigException(file.toString(), null, "expected a mapping at the top level");
          }
          flatten("", root, values, file.toString());
          SettingsKeys.check(file.toString(), values.keySet());
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new ConfigException(file.toString(), null, "not valid YAML: " + e.getOriginalMessage(), e);
      } catch (IOException e) {
        throw new ConfigException(file.toString(), null, "cannot be read", e);
      }
    }
    env.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
        values.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
      }
    });
    return new Settings(values, configDir);
  }

  public static Settings of(Map<String, String> values, Path configDir) {
    return new Settings(values, configDir);
  }

  /** A copy with one value replaced (used by the launcher for embedded services). */
  public Settings with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return new Settings(copy, configDir);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out, String file) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, file);
      }
    } else if (node.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode item : node) {
        if (!item.isValueNode()) {
          throw new ConfigException(file, prefix, "lists may hold only plain values");
        }
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(item.asText());
      }
      out.put(prefix, sb.toString());
    } else if (!node.isNull()) {
      out.put(prefix, node.asText());
    }
  }

  public Path configDir() {
    return configDir;
  }

  public String get(String key, String defaultValue) {
    String v = values.get(key);
    return v == null || v.isBlank() ? defaultValue : v;
  }

  public String require(String key) {
    String v = get(key, null);
    if (v == null) {
      throw new ConfigException(FILE, key, "is required (or set " + envName(key) + ")");
    }
    return v;
  }

  public int getInt(String key, int defaultValue) {
    String v = get(key, null);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(FILE, key, "expected an integer, got '" + v + "'");
    }
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String v = get(key, null);
    return v == null ? defaultValue : Boolean.parseBoolean(v.trim());
  }

  /** Durations like {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, or ISO-8601. */
  public Duration getDuration(String key, Duration defaultValue) {
    String v = get(key, null);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Durations.parse(v);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(FILE, key, e.getMessage());
    }
  }

  /** Every {@code kafka.*} key with the prefix removed: client properties, passed straight through. */
  public Properties kafkaProperties() {
    Properties p = new Properties();
    values.forEach((k, v) -> {
      if (k.startsWith("kafka.") && !v.isBlank()) {
        p.put(k.substring("kafka.".length()), v);
      }
    });
    return p;
  }

  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** Values with secrets masked, safe to log. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    values.forEach((k, v) -> shown.put(k, SECRET.matcher(k).matches() ? "****" : v));
    return shown.toString();
  }
}
