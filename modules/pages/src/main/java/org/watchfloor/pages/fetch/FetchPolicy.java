package org.watchfloor.pages.fetch;

import java.time.Duration;
import java.util.Objects;
import org.watchfloor.http.FetchLimits;
import org.watchfloor.model.config.Settings;

/**
 * How politely pages are fetched.
 *
 * @param hostDelay least time between the starts of two requests to the same host
 * @param attempts tries per page, the first included; only 5xx, 408, 429, timeouts and I/O failures are retried
 * @param backoff wait before the first retry, doubled before each further one
 * @param robots whether robots.txt is obeyed (always on in production; off only for tests of other behaviour)
 * @param robotsCacheTtl how long a host's robots.txt rules are kept
 * @param robotsAgent the product token matched against robots.txt {@code User-agent} lines
 * @param limits size, time and redirect bounds of each request, and the User-Agent sent
 */
public record FetchPolicy(
    Duration hostDelay,
    int attempts,
    Duration backoff,
    boolean robots,
    Duration robotsCacheTtl,
    String robotsAgent,
    FetchLimits limits) {

  public static final String ROBOTS_AGENT = "watchfloor";

  public static final FetchPolicy DEFAULTS = new FetchPolicy(Duration.ofSeconds(1), 3, Duration.ofSeconds(1), true,
      Duration.ofHours(1), ROBOTS_AGENT,
      FetchLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(45))
          .withMaxBodyBytes(5L * 1024 * 1024));

  public FetchPolicy {
    Objects.requireNonNull(hostDelay, "hostDelay");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(robotsCacheTtl, "robotsCacheTtl");
    Objects.requireNonNull(robotsAgent, "robotsAgent");
    Objects.requireNonNull(limits, "limits");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }

  /** Reads {@code pages.*} settings, each falling back to {@link #DEFAULTS}. */
  public static FetchPolicy from(Settings s) {
    FetchPolicy d = DEFAULTS;
    FetchLimits limits = d.limits()
        .withTimeouts(s.getDuration("pages.fetch.connect.timeout", d.limits().connectTimeout()),
            s.getDuration("pages.fetch.read.timeout", d.limits().readTimeout()),
            s.getDuration("pages.fetch.total.timeout", d.limits().totalTimeout()))
        .withMaxBodyBytes(s.getInt("pages.fetch.max.bytes", (int) d.limits().maxBodyBytes()))
        .withUserAgent(s.get("pages.user.agent", d.limits().userAgent()));
    return new FetchPolicy(
        s.getDuration("pages.host.delay", d.hostDelay()),
        s.getInt("pages.retry.attempts", d.attempts()),
        s.getDuration("pages.retry.backoff", d.backoff()),
        s.getBoolean("pages.robots.enabled", d.robots()),
        s.getDuration("pages.robots.cache.ttl", d.robotsCacheTtl()),
        s.get("pages.robots.agent", d.robotsAgent()),
        limits);
  }

  public FetchPolicy withHostDelay(Duration delay) {
    return new FetchPolicy(delay, attempts, backoff, robots, robotsCacheTtl, robotsAgent, limits);
  }

  public FetchPolicy withRetries(int newAttempts, Duration newBackoff) {
    return new FetchPolicy(hostDelay, newAttempts, newBackoff, robots, robotsCacheTtl, robotsAgent, limits);
  }

  public FetchPolicy withLimits(FetchLimits newLimits) {
    return new FetchPolicy(hostDelay, attempts, backoff, robots, robotsCacheTtl, robotsAgent, newLimits);
  }
}
