package org.watchfloor.feeds.parse;

/** A feed body that could not be parsed, with the reason and the URL or file it came from. */
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
    /** Well-formed XML, but not RSS, Atom or RDF. */
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
