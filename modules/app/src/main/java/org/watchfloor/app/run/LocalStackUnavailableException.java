package org.watchfloor.app.run;

/** The embedded stack was asked for where it is not installed (the production image): said in one plain line. */
public final class LocalStackUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LocalStackUnavailableException(String message) {
    super(message);
  }
}
