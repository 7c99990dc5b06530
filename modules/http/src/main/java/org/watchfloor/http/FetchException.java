package org.watchfloor.http;

import java.io.IOException;

/** A fetch that failed, with the URL, the reason, the HTTP status when there was one, and whether to retry. */
public final class FetchException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why a fetch failed. */
  public enum Reason {
    /** The URL is not an absolute http(s) URL. */
    BAD_URL,
    /** DNS failure, connection refused or reset. */
    UNREACHABLE,
    /** Connect or read timed out. */
    TIMEOUT,
    /** The body exceeded the size limit. */
    TOO_LARGE,
    /** The transfer ran below the minimum rate or past the overall deadline. */
    TOO_SLOW,
    /** More redirects than allowed. */
    TOO_MANY_REDIRECTS,
    /** A redirect pointed back to a URL already visited. */
    REDIRECT_LOOP,
    /** A hop resolved to a loopback, private, link-local, multicast or CGNAT address. */
    PRIVATE_ADDRESS,
    /** The server answered with an error status. */
    HTTP_STATUS,
    /** The decoded body exceeded the decompression limit. */
    DECOMPRESSION_BOMB,
    /** The gzip/deflate stream was corrupt. */
    BAD_ENCODING,
    /** Any other I/O failure. */
    IO_ERROR
  }

  private final String url;
  private final Reason reason;
  private final int status;

  public FetchException(String url, Reason reason, int status, String message, Throwable cause) {
    super(reason + " " + url + ": " + message, cause);
    this.url = url;
    this.reason = reason;
    this.status = status;
  }

  public FetchException(String url, Reason reason, String message) {
    this(url, reason, 0, message, null);
  }

  public String url() {
    return url;
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status for {@link Reason#HTTP_STATUS}, otherwise 0. */
  public int status() {
    return status;
  }

  /** True for failures worth retrying later: 5xx, 408, 429, timeouts, unreachable hosts and slow transfers. */
  public boolean retryable() {
    switch (reason) {
      case HTTP_STATUS:
        return status >= 500 || status == 408 || status == 429;
      case UNREACHABLE:
      case TIMEOUT:
      case TOO_SLOW:
      case IO_ERROR:
        return true;
      default:
        return false;
    }
  }
}
