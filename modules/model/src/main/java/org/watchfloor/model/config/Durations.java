package org.watchfloor.model.config;

import java.time.Duration;
import java.util.Locale;

/** Parses the short durations users type: {@code 250ms}, {@code 90s}, {@code 15m}, {@code 24h}, {@code 7d}. */
public final class Durations {
  private Durations() {}

  public static Duration parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.startsWith("p") || s.startsWith("-p")) {
      return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
    }
    try {
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
      }
      long n = Long.parseLong(s.substring(0, s.length() - 1).trim());
      switch (s.charAt(s.length() - 1)) {
        case 's':
          return Duration.ofSeconds(n);
        case 'm':
          return Duration.ofMinutes(n);
        case 'h':
          return Duration.ofHours(n);
        case 'd':
          return Duration.ofDays(n);
        default:
          break;
      }
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 30s, 15m, 24h, 7d)");
  }
}
