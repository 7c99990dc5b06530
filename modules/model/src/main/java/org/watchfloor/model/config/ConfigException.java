package org.watchfloor.model.config;

/** Configuration that cannot be used, naming the file, the key and the reason. */
public final class ConfigException extends RuntimeException {
  private final String file;
  private final String key;

  public ConfigException(String file, String key, String reason) {
    super(file + (key == null || key.isEmpty() ? "" : ": " + key) + ": " + reason);
    this.file = file;
    this.key = key;
  }

  public ConfigException(String file, String key, String reason, Throwable cause) {
    super(file + (key == null || key.isEmpty() ? "" : ": " + key) + ": " + reason, cause);
    this.file = file;
    this.key = key;
  }

  public String file() {
    return file;
  }

  public String key() {
    return key;
  }
}
