package org.watchfloor.classify.reader;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.watchfloor.model.Json;
import org.watchfloor.model.config.ConfigException;

/**
 * The learned reader's parameters, as {@code watchfloor model train} writes them: the gate, the sentence models, the
 * aggregation and its calibrated thresholds. Stored as gzipped JSON with a format name and a version.
 *
 * @param thresholds the expected levels (0-4) at which GUARDED, ELEVATED, HIGH and SEVERE begin, calibrated on the
 *     training split; they map onto the score bands of {@link org.watchfloor.model.TensionLevel}
 * @param gateCap below this gate probability an article is not political news and rates GUARDED at most
 * @param ungatedTopics the topics an article that is not political news may still carry (those that such articles
 *     carried in training, such as domestic politics); the others need the gate open
 */
public record ReaderModel(
    String format,
    int version,
    String description,
    int bits,
    int leadSentences,
    double restWeight,
    double gateCap,
    double[] thresholds,
    List<String> ungatedTopics,
    Map<String, LinearModel.Spec> models) {

  public static final String FORMAT = "watchfloor-news-reader";
  public static final int VERSION = 1;
  /** The model shipped in the jar. */
  public static final String BUILTIN = "news-reader-v1.json.gz";

  public static final String GATE = "gate";
  public static final String SEVERITY = "severity";
  public static final String EVENT_CLASS = "event_class";
  public static final String NEGATED = "negated";
  public static final String HEDGED = "hedged";
  public static final String BACKGROUND = "background";
  public static final String RHETORIC = "rhetoric";
  public static final String AGGREGATE = "aggregate";
  /** Optional parts: one two-label model per topic, {@code topic.<id>}, over the gate's features. */
  public static final String TOPIC_PREFIX = "topic.";
  public static final List<String> PARTS =
      List.of(GATE, SEVERITY, EVENT_CLASS, NEGATED, HEDGED, BACKGROUND, RHETORIC, AGGREGATE);

  public ReaderModel {
    ungatedTopics = ungatedTopics == null ? List.of() : List.copyOf(ungatedTopics);
    models = new LinkedHashMap<>(models);
  }

  /** Reads and checks a model file. */
  public static ReaderModel read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file.toString(), null, "no such model file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new ConfigException(file.toString(), null, "the model file cannot be read", e);
    }
  }

  /** The model shipped with the classifier. */
  public static ReaderModel builtin() {
    InputStream in = ReaderModel.class.getResourceAsStream(BUILTIN);
    if (in == null) {
      throw new ConfigException(BUILTIN, null, "the built-in news reader model is missing from the classpath");
    }
    try (in) {
      return read(in, BUILTIN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ReaderModel read(InputStream raw, String name) throws IOException {
    JsonNode tree;
    try (InputStream in = new GZIPInputStream(raw)) {
      tree = Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new ConfigException(name, null, "not a news reader model file (gzipped JSON expected)");
    }
    String format = tree.path("format").asText("none");
    int version = tree.path("version").asInt(-1);
    if (!FORMAT.equals(format) || version != VERSION) {
      throw new ConfigException(name, "format", "expected " + FORMAT + " version " + VERSION + ", found "
          + format + " version " + version);
    }
    ReaderModel m;
    try {
      m = Json.MAPPER.treeToValue(tree, ReaderModel.class);
    } catch (IOException e) {
      throw new ConfigException(name, null, "the model file is incomplete or damaged");
    }
    for (String part : PARTS) {
      if (!m.models().containsKey(part)) {
        throw new ConfigException(name, "models." + part, "missing");
      }
    }
    if (m.thresholds() == null || m.thresholds().length != 4) {
      throw new ConfigException(name, "thresholds", "expected four thresholds");
    }
    return m;
  }

  /**
   * A SHA-256 digest of everything that shapes the model's readings (settings, thresholds, every weight), in hex: equal
   * models give equal digests, whatever file or resource they came from.
   */
  public String digest() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        new DigestOutputStream(OutputStream.nullOutputStream(), sha), 1 << 16))) {
      out.writeUTF(format);
      out.writeInt(version);
      out.writeUTF(String.valueOf(description));
      out.writeInt(bits);
      out.writeInt(leadSentences);
      out.writeDouble(restWeight);
      out.writeDouble(gateCap);
      for (double t : thresholds) {
        out.writeDouble(t);
      }
      out.writeUTF(String.join(",", ungatedTopics));
      for (Map.Entry<String, LinearModel.Spec> e : new TreeMap<>(models).entrySet()) {
        LinearModel.Spec spec = e.getValue();
        out.writeUTF(e.getKey());
        out.writeUTF(String.join(",", spec.labels()));
        out.writeInt(spec.dim());
        for (int id : spec.ids()) {
          out.writeInt(id);
        }
        for (float w : spec.weights()) {
          out.writeFloat(w);
        }
        for (float b : spec.bias()) {
          out.writeFloat(b);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Writes the model as gzipped JSON; the same model gives the same bytes. */
  public void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        Json.MAPPER.writeValue(out, this);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  LinearModel part(String name) {
    return LinearModel.of(Objects.requireNonNull(models.get(name), name));
  }
}
