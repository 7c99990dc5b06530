package org.watchfloor.app.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces calls to a fixed rate against the start time, so that a slow call is caught up on instead of lowering the
 * rate; a rate of 0 or less means no limit.
 */
public final class RateLimiter {
  private final long intervalNanos;
  private final long start = System.nanoTime();
  private long issued;

  public RateLimiter(double perSecond) {
    this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
  }

  /** Blocks until the next permit is due. */
  public void acquire() {
    if (intervalNanos == 0) {
      return;
    }
    long due = start + issued * intervalNanos;
    issued++;
    long wait;
    while ((wait = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
