package org.watchfloor.model;

/** A record that cannot be read as its schema: bad JSON, a missing field or an unknown schema version. */
public final class SchemaException extends RuntimeException {
  private final String recordType;

  public SchemaException(String recordType, String message) {
    super(recordType + ": " + message);
    this.recordType = recordType;
  }

  public SchemaException(String recordType, String message, Throwable cause) {
    super(recordType + ": " + message, cause);
    this.recordType = recordType;
  }

  public String recordType() {
    return recordType;
  }
}
