package org.watchfloor.alerting.notify;

/** A delivery the receiver did not accept, with the HTTP status (0 when none) and whether a retry may succeed. */
public final class DeliveryException extends Exception {
  private final boolean retryable;
  private final int status;

  public DeliveryException(String message, boolean retryable, int status, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.status = status;
  }

  public DeliveryException(String message, boolean retryable, int status) {
    this(message, retryable, status, null);
  }

  public boolean retryable() {
    return retryable;
  }

  public int status() {
    return status;
  }
}
