package org.watchfloor.pages.stage;

/** A feed entry that cannot become an article (no link, not an http(s) URL); it goes to the dead letters. */
public final class BadEntryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String link;

  public BadEntryException(String link, String message, Throwable cause) {
    super(message, cause);
    this.link = link;
  }

  public String link() {
    return link;
  }
}
