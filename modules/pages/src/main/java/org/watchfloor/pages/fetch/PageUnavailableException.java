package org.watchfloor.pages.fetch;

/** A page that could not be had: disallowed by robots.txt or failed after its retries. */
public final class PageUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the page is unavailable. */
  public enum Reason {
    /** robots.txt disallows the path for our agent. */
    DISALLOWED,
    /** The fetch failed: a 4xx, or a retryable failure that persisted through every attempt. */
    FETCH_FAILED,
    /** The answer was not an HTML page. */
    NOT_HTML
  }

  private final String url;
  private final Reason reason;
  private final int attempts;

  public PageUnavailableException(String url, Reason reason, int attempts, String message, Throwable cause) {
    super(reason + " " + url + ": " + message, cause);
    this.url = url;
    this.reason = reason;
    this.attempts = attempts;
  }

  public String url() {
    return url;
  }

  public Reason reason() {
    return reason;
  }

  /** Requests made for the page itself (robots.txt not counted). */
  public int attempts() {
    return attempts;
  }
}
