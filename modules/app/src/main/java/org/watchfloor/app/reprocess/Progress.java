package org.watchfloor.app.reprocess;

import java.time.Duration;
import java.util.Locale;

/**
 * How far a replay has come: records read of those there were to read when it started, and the rate so far. Pure.
 *
 * @param done records read since this run started (resumed runs count from where they resumed)
 * @param left records still to read to reach the end offsets taken at the start
 * @param elapsed time since this run started
 */
public record Progress(long done, long left, Duration elapsed) {
  /** Records per second so far. */
  public double rate() {
    double seconds = elapsed.toMillis() / 1000.0;
    return seconds <= 0 ? 0 : done / seconds;
  }

  /** The time left at the rate so far, or null while nothing has been read. */
  public Duration eta() {
    double rate = rate();
    if (rate <= 0) {
      return null;
    }
    return Duration.ofMillis(Math.round(left / rate * 1000));
  }

  /** One line for the terminal: {@code 1,200 of 4,000 (30 %), 850 articles/s, about 3 s left}. */
  public String line() {
    long total = done + left;
    long percent = total == 0 ? 100 : Math.round(100.0 * done / total);
    Duration eta = eta();
    return String.format(Locale.ROOT, "%,d of %,d (%d %%), %,.0f articles/s, %s", done, total, percent, rate(),
        left == 0 ? "caught up" : eta == null ? "time left unknown" : "about " + human(eta) + " left");
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    if (s < 90) {
      return s + " s";
    }
    if (s < 90 * 60) {
      return Math.round(s / 60.0) + " min";
    }
    return String.format(Locale.ROOT, "%.1f h", s / 3600.0);
  }
}
