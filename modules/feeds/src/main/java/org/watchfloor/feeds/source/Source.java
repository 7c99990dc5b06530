package org.watchfloor.feeds.source;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.watchfloor.model.config.Durations;

/**
 * One news source to poll, as written in {@code config/sources.yaml} and published to the sources topic.
 *
 * @param name unique name, the key in the sources and feed-state topics
 * @param url feed or listing page URL
 * @param type {@code feed} or {@code listing}
 * @param selector CSS selector for article links, listing pages only
 * @param language language hint (ISO 639-1), or null
 * @param region region tag such as {@code korea}, or null
 * @param tags free tags
 * @param minInterval shortest poll interval, e.g. {@code 5m}
 * @param maxInterval longest poll interval, e.g. {@code 2h}
 * @param allowPrivate true to allow loopback/private addresses (demo and test sources only)
 */
public record Source(
    String name,
    String url,
    SourceType type,
    String selector,
    String language,
    String region,
    List<String> tags,
    String minInterval,
    String maxInterval,
    boolean allowPrivate) {

  public Source {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    type = type == null ? SourceType.FEED : type;
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** A feed source with the given poll bounds. */
  public static Source feed(String name, String url, String minInterval, String maxInterval, boolean allowPrivate) {
    return new Source(name, url, SourceType.FEED, null, null, null, List.of(), minInterval, maxInterval, allowPrivate);
  }

  /** The shortest poll interval. */
  public Duration minPoll() {
    return Durations.parse(minInterval);
  }

  /** The longest poll interval. */
  public Duration maxPoll() {
    return Durations.parse(maxInterval);
  }

  Source withDefaults(String defaultMin, String defaultMax) {
    return new Source(name, url, type, selector, language, region, tags,
        minInterval == null ? defaultMin : minInterval, maxInterval == null ? defaultMax : maxInterval, allowPrivate);
  }
}
