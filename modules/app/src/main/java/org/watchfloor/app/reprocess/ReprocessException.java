package org.watchfloor.app.reprocess;

/** A replay that cannot go on, said in plain words; the command prints the message alone. */
public final class ReprocessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReprocessException(String message) {
    super(message);
  }
}
