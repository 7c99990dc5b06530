package org.watchfloor.pages.fetch;

import crawlercommons.robots.BaseRobotRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.http.FetchException;
import org.watchfloor.http.FetchRequest;
import org.watchfloor.http.FetchResult;
import org.watchfloor.http.SafeHttpFetcher;

/**
 * Fetches article pages politely: obeys robots.txt, spaces requests to one host by the configured delay, identifies
 * itself, and retries 5xx answers and timeouts with exponential backoff but never 4xx. Thread-safe.
 */
public final class PoliteFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(PoliteFetcher.class);

  /** Longest robots.txt Crawl-delay honoured; longer ones would starve a news source. */
  static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

  private final FetchPolicy policy;
  private final SafeHttpFetcher fetcher;
  private final HostThrottle throttle;
  private final RobotsRules robots;

  public PoliteFetcher(FetchPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.fetcher = new SafeHttpFetcher(policy.limits());
    this.throttle = new HostThrottle(policy.hostDelay());
    this.robots = new RobotsRules(fetcher, policy.robotsAgent(), policy.robotsCacheTtl());
  }

  public FetchPolicy policy() {
    return policy;
  }

  /**
   * Fetches an HTML page.
   *
   * @param allowPrivate true only for sources explicitly allowed to live on private or loopback addresses
   * @throws PageUnavailableException when robots.txt disallows it, it fails for good, or it is not HTML
   * @throws InterruptedException when the stage is shutting down
   */
  public FetchedPage fetch(String url, boolean allowPrivate) throws PageUnavailableException, InterruptedException {
    URI uri;
    try {
      uri = new URI(url);
      if (uri.getHost() == null || uri.getScheme() == null) {
        throw new URISyntaxException(url, "not an absolute URL");
      }
    } catch (URISyntaxException e) {
      throw new PageUnavailableException(url, PageUnavailableException.Reason.FETCH_FAILED, 0, e.getMessage(), e);
    }
    String host = RobotsRules.hostKey(uri);
    int attempt = 0;
    long backoff = policy.backoff().toMillis();
    while (true) {
      attempt++;
      FetchResult result;
      try (HostThrottle.Permit permit = throttle.acquire(host)) {
        if (policy.robots()) {
          BaseRobotRules rules = robots.rulesFor(uri, allowPrivate);
          long crawlDelay = rules.getCrawlDelay();
          if (crawlDelay > 0) {
            // Honour the site's Crawl-delay (milliseconds here), within reason, from its next request on.
            throttle.raiseDelay(host, Duration.ofMillis(Math.min(crawlDelay, MAX_CRAWL_DELAY.toMillis())));
          }
          if (!rules.isAllowed(url)) {
            throw new PageUnavailableException(url, PageUnavailableException.Reason.DISALLOWED, attempt - 1,
                "robots.txt disallows it for " + policy.robotsAgent(), null);
          }
        }
        result = fetcher.fetch(FetchRequest.of(url).withAllowPrivate(allowPrivate)
            .withAccept(FetchRequest.ACCEPT_HTML));
      } catch (FetchException e) {
        if (!e.retryable() || attempt >= policy.attempts()) {
          throw new PageUnavailableException(url, PageUnavailableException.Reason.FETCH_FAILED, attempt,
              e.getMessage(), e);
        }
        LOG.info("Page {} failed ({}), retry {} of {} in {} ms", url, e.getMessage(), attempt,
            policy.attempts() - 1, backoff);
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 60_000);
        continue;
      }
      String type = result.contentType();
      if (type != null && !isHtml(type)) {
        throw new PageUnavailableException(url, PageUnavailableException.Reason.NOT_HTML, attempt,
            "Content-Type " + type, null);
      }
      return new FetchedPage(result.finalUrl(), result.body(), result.charset(), attempt);
    }
  }

  private static boolean isHtml(String contentType) {
    String t = contentType.toLowerCase(Locale.ROOT);
    return t.contains("html") || t.startsWith("text/plain") || t.startsWith("application/octet-stream");
  }
}
