package org.watchfloor.feeds.poll;

import java.time.Instant;
import java.util.List;
import org.watchfloor.model.Versioned;

/**
 * What the feeds stage remembers about one source, kept in the compacted feed-state topic keyed by source name: the
 * HTTP validators, the entry ids already emitted (newest last, bounded), the current poll interval and failures.
 *
 * @param schemaVersion {@link #VERSION}
 * @param source source name
 * @param etag last ETag, or null
 * @param lastModified last Last-Modified, or null
 * @param seen entry ids already emitted, oldest first
 * @param intervalMs current poll interval in milliseconds
 * @param failures consecutive failed polls
 * @param lastPolled when the source was last polled, or null
 */
public record FeedState(
    int schemaVersion,
    String source,
    String etag,
    String lastModified,
    List<String> seen,
    long intervalMs,
    int failures,
    Instant lastPolled) implements Versioned {

  public static final int VERSION = 1;

  public FeedState {
    seen = seen == null ? List.of() : List.copyOf(seen);
  }

  /** The state of a source never polled. */
  public static FeedState initial(String source, long intervalMs) {
    return new FeedState(VERSION, source, null, null, List.of(), intervalMs, 0, null);
  }

  @Override
  public int currentVersion() {
    return VERSION;
  }
}
