package org.watchfloor.feeds.parse;

/**
 * A feed body that could not be parsed, with the reason and the URL or file it came from. The message says in plain
 * words what is wrong with the document; it never carries a Java exception's text.
 */
public final class FeedParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a body is not a usable feed. */
  public enum Reason {
    /** Nothing but whitespace. */
    EMPTY,
    /** The declared or detected encoding is unknown or does not match the bytes. */
    BAD_ENCODING,
    /** HTML was served where a feed was expected. */
    HTML_NOT_FEED,
    /** A DOCTYPE with an internal subset (entity declarations): refused against XXE and entity expansion. */
    DOCTYPE_REFUSED,
    /** Not well-formed XML. */
    MALFORMED_XML,
    /** Not well-formed JSON (a body that starts like a JSON Feed). */
    MALFORMED_JSON,
    /** Well-formed XML or JSON, but not RSS, Atom, RDF or JSON Feed. */
    NOT_A_FEED
  }

  private final String url;
  private final Reason reason;

  public FeedParseException(String url, Reason reason, String message, Throwable cause) {
    super(reason + " " + url + ": " + message, cause);
    this.url = url;
    this.reason = reason;
  }

  public FeedParseException(String url, Reason reason, String message) {
    this(url, reason, message, null);
  }

  public String url() {
    return url;
  }

  public Reason reason() {
    return reason;
  }
}
