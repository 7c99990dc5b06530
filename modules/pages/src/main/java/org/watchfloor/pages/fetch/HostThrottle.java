package org.watchfloor.pages.fetch;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises requests per host and spaces their starts by a fixed delay; different hosts proceed in parallel.
 *
 * <pre>{@code
 * try (HostThrottle.Permit p = throttle.acquire("example.org")) { fetch(...); }
 * }</pre>
 */
public final class HostThrottle {
  private final long delayNanos;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

  /** One host's lock and the earliest time its next request may start. */
  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock(true);
    long nextStart;
    long delayNanos;
  }

  /** Held while a request to one host runs; closing it lets the next request for the host go. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  public HostThrottle(Duration delay) {
    this.delayNanos = Math.max(0, delay.toNanos());
  }

  /** Blocks until this thread may send the next request to the host. */
  public Permit acquire(String host) throws InterruptedException {
    Slot slot = slot(host);
    slot.lock.lockInterruptibly();
    try {
      long wait = slot.nextStart - System.nanoTime();
      if (wait > 0) {
        java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
      }
      slot.nextStart = System.nanoTime() + slot.delayNanos;
    } catch (InterruptedException e) {
      slot.lock.unlock();
      throw e;
    }
    return slot.lock::unlock;
  }

  /** Lengthens one host's delay (a robots.txt {@code Crawl-delay}); never shortens it below the default. */
  public void raiseDelay(String host, Duration delay) {
    Slot slot = slot(host);
    slot.lock.lock();
    try {
      long wanted = delay.toNanos();
      if (wanted > slot.delayNanos) {
        slot.nextStart += wanted - slot.delayNanos;
        slot.delayNanos = wanted;
      }
    } finally {
      slot.lock.unlock();
    }
  }

  private Slot slot(String host) {
    return slots.computeIfAbsent(host, h -> {
      Slot s = new Slot();
      s.delayNanos = delayNanos;
      return s;
    });
  }
}
