package org.watchfloor.pages.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.http.FetchException;
import org.watchfloor.http.FetchRequest;
import org.watchfloor.http.FetchResult;
import org.watchfloor.http.SafeHttpFetcher;

/** Each host's robots.txt rules, fetched with the safe fetcher and kept for a while. */
final class RobotsRules {
  private static final Logger LOG = LoggerFactory.getLogger(RobotsRules.class);
  /** Rules after a server error are retried soon rather than held for the full time. */
  private static final Duration FAILURE_TTL = Duration.ofMinutes(1);

  private final SafeHttpFetcher fetcher;
  private final String agent;
  private final long ttlNanos;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(BaseRobotRules rules, long expires) {}

  RobotsRules(SafeHttpFetcher fetcher, String agent, Duration ttl) {
    this.fetcher = fetcher;
    this.agent = agent.toLowerCase(Locale.ROOT);
    this.ttlNanos = ttl.toNanos();
  }

  /** The rules for the URL's host; the caller serialises per host, so one host's robots.txt is fetched once. */
  BaseRobotRules rulesFor(URI page, boolean allowPrivate) {
    String key = hostKey(page);
    Cached cached = cache.get(key);
    long now = System.nanoTime();
    if (cached != null && cached.expires - now > 0) {
      return cached.rules;
    }
    String robotsUrl = key + "/robots.txt";
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    BaseRobotRules rules;
    long ttl = ttlNanos;
    try {
      FetchResult r = fetcher.fetch(FetchRequest.of(robotsUrl).withAllowPrivate(allowPrivate).withAccept("text/plain"));
      rules = parser.parseContent(robotsUrl, r.body(), r.contentType(), List.of(agent));
    } catch (FetchException e) {
      if (e.reason() == FetchException.Reason.HTTP_STATUS && e.status() >= 400 && e.status() < 500) {
        // No robots.txt (or a forbidden one) means no restrictions, as every major crawler reads it.
        rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
      } else if (e.reason() == FetchException.Reason.HTTP_STATUS) {
        rules = parser.failedFetch(e.status());
        ttl = FAILURE_TTL.toNanos();
      } else {
        // Unreachable or refused: the page fetch fails on its own and says why, so do not hide it here.
        rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
        ttl = FAILURE_TTL.toNanos();
      }
      LOG.debug("robots.txt {} not read ({}); using {}", robotsUrl, e.getMessage(), rules);
    }
    cache.put(key, new Cached(rules, now + ttl));
    return rules;
  }

  static String hostKey(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + (port < 0 ? "" : ":" + port);
  }
}
