package org.watchfloor.desk.server;

/** The desk cannot start as configured; the message says why in plain words. */
public final class DeskStartException extends RuntimeException {
  public DeskStartException(String message) {
    super(message);
  }

  public DeskStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
