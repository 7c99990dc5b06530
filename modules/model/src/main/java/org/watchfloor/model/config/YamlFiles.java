package org.watchfloor.model.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Binds YAML config files to immutable records, failing with the file, the key and the reason. */
public final class YamlFiles {
  private YamlFiles() {}

  /** YAML mapper: snake_case keys, unknown keys rejected so that typos fail fast. */
  public static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
      .addModule(new JavaTimeModule())
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  public static <T> T read(Path file, Class<T> type) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), type);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), null, "file not found");
    } catch (IOException e) {
      throw new ConfigException(file.toString(), null, "cannot be read", e);
    }
  }

  public static <T> T read(InputStream in, String name, Class<T> type) {
    try {
      T value = YAML.readValue(in, type);
      if (value == null) {
        throw new ConfigException(name, null, "file is empty");
      }
      return value;
    } catch (JsonMappingException e) {
      throw new ConfigException(name, pathOf(e), reason(e), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(name, null, "not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(name, null, "cannot be read", e);
    }
  }

  /**
   * A binding error in words: an unknown key names the nearest valid one; other errors keep Jackson's first line,
   * without the Java class names it appends.
   */
  public static String reason(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known = new ArrayList<>();
      if (u.getKnownPropertyIds() != null) {
        u.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      }
      return NearestKey.reason(u.getPropertyName(), known);
    }
    String m = e.getOriginalMessage();
    if (m == null) {
      return "invalid value";
    }
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    // "Cannot deserialize value of type `java.time.Duration` from ..." names Java types; keep the value part only
    m = m.replaceAll("`[a-z]+(\\.[A-Za-z0-9_$]+)+`", "the expected type");
    return m;
  }

  /** The dotted path of the key a binding error is about, e.g. {@code rules[2].window}; empty at the top level. */
  public static String pathOf(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
