package org.watchfloor.model;

/** A record with a schema version, checked when it is read. */
public interface Versioned {
  int schemaVersion();

  /** The version this build writes and reads. */
  int currentVersion();

  default void checkVersion() {
    if (schemaVersion() != currentVersion()) {
      throw new SchemaException(getClass().getSimpleName(),
          "unknown schema_version " + schemaVersion() + " (this build reads " + currentVersion() + ")");
    }
  }
}
