package org.watchfloor.feeds.poll;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.feeds.parse.FeedParseException;
import org.watchfloor.feeds.parse.FeedParser;
import org.watchfloor.feeds.parse.ListingParser;
import org.watchfloor.feeds.parse.ParsedEntry;
import org.watchfloor.feeds.parse.ParsedFeed;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.feeds.source.SourceType;
import org.watchfloor.http.FetchException;
import org.watchfloor.http.FetchRequest;
import org.watchfloor.http.FetchResult;
import org.watchfloor.http.SafeHttpFetcher;
import org.watchfloor.model.FeedEntry;

/**
 * Polls one source once: a conditional GET, parsing, picking the entries not seen before and computing the next
 * interval. No Kafka here, so the same code runs in the stage, the tests and the capacity benchmark. Thread-safe.
 */
public final class SourcePoller {
  private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);

  /** Most entry ids remembered per source; well above any feed's length so old entries never come back as new. */
  public static final int MAX_SEEN = 1000;

  private final SafeHttpFetcher fetcher;
  private final FeedParser feedParser = new FeedParser();
  private final ListingParser listingParser = new ListingParser();
  private final Clock clock;

  public SourcePoller(SafeHttpFetcher fetcher, Clock clock) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public SourcePoller(SafeHttpFetcher fetcher) {
    this(fetcher, Clock.systemUTC());
  }

  /** Polls the source; never throws for bad input, which comes back as {@link PollResult#failure()}. */
  public PollResult poll(Source source, FeedState previous) {
    Instant now = clock.instant();
    Duration min = source.minPoll();
    Duration max = source.maxPoll();
    FeedState state = previous == null ? FeedState.initial(source.name(), min.toMillis()) : previous;
    Duration current = Duration.ofMillis(state.intervalMs());
    FetchRequest req = new FetchRequest(source.url(), state.etag(), state.lastModified(), source.allowPrivate(),
        source.type() == SourceType.LISTING ? FetchRequest.ACCEPT_HTML : FetchRequest.ACCEPT_FEEDS);
    FetchResult result;
    try {
      result = fetcher.fetch(req);
    } catch (FetchException e) {
      PollSchedule.Outcome outcome = e.retryable()
          ? PollSchedule.Outcome.RETRYABLE_FAILURE : PollSchedule.Outcome.PERMANENT_FAILURE;
      return failed(source, state, now, current, min, max, outcome,
          new PollResult.PollFailure(FetchException.class.getName(), e.reason().name(), e.getMessage(), e.url(), null,
              e.retryable()));
    }
    if (result.notModified()) {
      Duration next = PollSchedule.next(current, min, max, PollSchedule.Outcome.NOTHING_NEW);
      FeedState s = new FeedState(FeedState.VERSION, source.name(), keep(result.etag(), state.etag()),
          keep(result.lastModified(), state.lastModified()), state.seen(), next.toMillis(), 0, now);
      return new PollResult(s, List.of(), null, next, true);
    }
    ParsedFeed feed;
    try {
      feed = source.type() == SourceType.LISTING
          ? listingParser.parse(result.body(), result.contentType(), result.finalUrl(), source.selector())
          : feedParser.parse(result.body(), result.contentType(), result.finalUrl());
    } catch (FeedParseException e) {
      return failed(source, state, now, current, min, max, PollSchedule.Outcome.PERMANENT_FAILURE,
          new PollResult.PollFailure(FeedParseException.class.getName(), e.reason().name(), e.getMessage(),
              result.finalUrl(), result.body(), false));
    } catch (RuntimeException e) {
      // Rome and Jsoup can throw unchecked exceptions on odd input; a bad feed must never stop the stage.
      LOG.warn("Unexpected parser failure on {}: {}", result.finalUrl(), e.toString());
      return failed(source, state, now, current, min, max, PollSchedule.Outcome.PERMANENT_FAILURE,
          new PollResult.PollFailure(e.getClass().getName(), "PARSER_ERROR", "the feed could not be read",
              result.finalUrl(), result.body(), false));
    }
    Set<String> seen = new HashSet<>(state.seen());
    List<FeedEntry> fresh = new ArrayList<>();
    List<String> freshIds = new ArrayList<>();
    List<ParsedEntry> parsed = feed.entries();
    // Feeds list newest first; emit oldest first so that consumers see publication order.
    for (int i = parsed.size() - 1; i >= 0; i--) {
      ParsedEntry e = parsed.get(i);
      if (e.link() == null || !seen.add(e.id())) {
        continue;
      }
      freshIds.add(e.id());
      fresh.add(new FeedEntry(FeedEntry.VERSION, source.name(), source.url(), e.link(), e.id(), e.title(),
          e.summary(), e.published(), now, source.language(), source.region(), source.tags(),
          source.allowPrivate()));
    }
    Duration next = PollSchedule.next(current, min, max,
        fresh.isEmpty() ? PollSchedule.Outcome.NOTHING_NEW : PollSchedule.Outcome.NEW_ENTRIES);
    FeedState s = new FeedState(FeedState.VERSION, source.name(), result.etag(), result.lastModified(),
        remember(state.seen(), freshIds), next.toMillis(), 0, now);
    return new PollResult(s, fresh, null, next, false);
  }

  private static PollResult failed(Source source, FeedState state, Instant now, Duration current, Duration min,
      Duration max, PollSchedule.Outcome outcome, PollResult.PollFailure failure) {
    Duration next = PollSchedule.next(current, min, max, outcome);
    FeedState s = new FeedState(FeedState.VERSION, source.name(), state.etag(), state.lastModified(), state.seen(),
        next.toMillis(), state.failures() + 1, now);
    return new PollResult(s, List.of(), failure, next, false);
  }

  private static List<String> remember(List<String> old, List<String> fresh) {
    if (fresh.isEmpty()) {
      return old;
    }
    LinkedHashSet<String> all = new LinkedHashSet<>(old);
    all.addAll(fresh);
    List<String> list = new ArrayList<>(all);
    return list.size() <= MAX_SEEN ? list : list.subList(list.size() - MAX_SEEN, list.size());
  }

  private static String keep(String fresh, String old) {
    return fresh != null ? fresh : old;
  }

  /** The Kafka key of an entry: the host of its link, lower case ({@code unknown} when the link has none). */
  public static String hostKey(String link) {
    try {
      String host = URI.create(link).getHost();
      return host == null ? "unknown" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "unknown";
    }
  }
}
