package org.watchfloor.classify.reader;

import java.nio.file.Path;
import org.watchfloor.model.config.ConfigException;

/**
 * {@code reader.yaml}: which tension reader the classifier uses.
 *
 * @param reader {@code learned} (the news reader) or {@code rules} (the rule scorer alone, as before issue 14)
 * @param model {@code builtin} (the model shipped in the jar) or the path of a model file that {@code watchfloor model
 *     train} wrote, relative to the config folder
 */
public record ReaderConfig(String reader, String model) {
  public static final String LEARNED = "learned";
  public static final String RULES = "rules";
  public static final String BUILTIN = "builtin";
  /** What a missing file or key means. */
  public static final ReaderConfig DEFAULT = new ReaderConfig(LEARNED, BUILTIN);

  public ReaderConfig {
    reader = reader == null ? LEARNED : reader;
    model = model == null ? BUILTIN : model;
  }

  /** The reader this configuration names, or null for the rules alone; fails naming the file, key and reason. */
  public NewsReader load(Path configDir, String file) {
    switch (reader) {
      case RULES:
        return null;
      case LEARNED:
        return new NewsReader(BUILTIN.equals(model) ? ReaderModel.builtin()
            : ReaderModel.read(configDir.resolve(model)));
      default:
        throw new ConfigException(file, "reader", "'" + reader + "' is neither 'learned' nor 'rules'");
    }
  }
}
