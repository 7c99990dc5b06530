package org.watchfloor.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of one fetch: timeouts, body sizes, redirects and the slowest transfer rate tolerated.
 *
 * @param connectTimeout TCP connect timeout per hop
 * @param readTimeout longest wait for any single read from the socket
 * @param totalTimeout overall deadline for the whole fetch, redirects included
 * @param maxBodyBytes largest body accepted on the wire (compressed bytes when encoded)
 * @param maxRedirects most redirects followed
 * @param maxDecompressedBytes largest body accepted after gzip/deflate decoding
 * @param minBytesPerSecond slowest average transfer rate tolerated once {@code rateGrace} has passed
 * @param rateGrace time a transfer may run before the minimum rate is enforced
 * @param userAgent the User-Agent header sent
 */
public record FetchLimits(
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    long maxBodyBytes,
    int maxRedirects,
    long maxDecompressedBytes,
    long minBytesPerSecond,
    Duration rateGrace,
    String userAgent) {

  public static final String USER_AGENT = "Watchfloor/0.1 (+https://github.com/watchfloor/watchfloor)";

  /** Defaults: 10 s connect, 20 s read, 60 s total, 10 MB body, 5 redirects, 20 MB decoded, 1 KB/s after 10 s. */
  public static final FetchLimits DEFAULTS = new FetchLimits(
      Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60),
      10L * 1024 * 1024, 5, 20L * 1024 * 1024, 1024, Duration.ofSeconds(10), USER_AGENT);

  public FetchLimits {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    Objects.requireNonNull(rateGrace, "rateGrace");
    Objects.requireNonNull(userAgent, "userAgent");
    if (maxBodyBytes <= 0 || maxDecompressedBytes <= 0 || maxRedirects < 0 || minBytesPerSecond < 0) {
      throw new IllegalArgumentException("fetch limits must be positive");
    }
  }

  public FetchLimits withTimeouts(Duration connect, Duration read, Duration total) {
    return new FetchLimits(connect, read, total, maxBodyBytes, maxRedirects, maxDecompressedBytes,
        minBytesPerSecond, rateGrace, userAgent);
  }

  public FetchLimits withMaxBodyBytes(long bytes) {
    return new FetchLimits(connectTimeout, readTimeout, totalTimeout, bytes, maxRedirects, maxDecompressedBytes,
        minBytesPerSecond, rateGrace, userAgent);
  }

  public FetchLimits withMaxDecompressedBytes(long bytes) {
    return new FetchLimits(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRedirects, bytes,
        minBytesPerSecond, rateGrace, userAgent);
  }

  public FetchLimits withMaxRedirects(int redirects) {
    return new FetchLimits(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, redirects, maxDecompressedBytes,
        minBytesPerSecond, rateGrace, userAgent);
  }

  public FetchLimits withMinRate(long bytesPerSecond, Duration grace) {
    return new FetchLimits(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRedirects,
        maxDecompressedBytes, bytesPerSecond, grace, userAgent);
  }

  public FetchLimits withUserAgent(String agent) {
    return new FetchLimits(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRedirects,
        maxDecompressedBytes, minBytesPerSecond, rateGrace, agent);
  }
}
