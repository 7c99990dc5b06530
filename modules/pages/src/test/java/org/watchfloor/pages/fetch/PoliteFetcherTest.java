package org.watchfloor.pages.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.watchfloor.http.FetchException;
import org.watchfloor.pages.fetch.LoopbackServer.Response;

class PoliteFetcherTest {
  private static final String PAGE = "<html><body><p>An article.</p></body></html>";
  private static final FetchPolicy FAST = FetchPolicy.DEFAULTS.withHostDelay(Duration.ZERO)
      .withRetries(3, Duration.ofMillis(20));

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void honoursRobotsDisallowAndNeverRequestsThePage() throws Exception {
    server.route("/robots.txt", n -> new Response(200, "text/plain", "User-agent: *\nDisallow: /private/\n"))
        .page("/private/a", PAGE).page("/public/a", PAGE);
    PoliteFetcher fetcher = new PoliteFetcher(FAST);

    assertThatThrownBy(() -> fetcher.fetch(server.url("/private/a"), true))
        .isInstanceOfSatisfying(PageUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(PageUnavailableException.Reason.DISALLOWED));
    FetchedPage ok = fetcher.fetch(server.url("/public/a"), true);

    assertThat(server.hits("/private/a")).isZero();
    assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
    assertThat(server.hits("/robots.txt")).as("robots.txt is cached per host").isEqualTo(1);
  }

  @Test
  void honoursRulesAddressedToOurAgentByName() {
    server.route("/robots.txt", n -> new Response(200, "text/plain",
        "User-agent: watchfloor\nDisallow: /\n\nUser-agent: *\nAllow: /\n")).page("/a", PAGE);

    assertThatThrownBy(() -> new PoliteFetcher(FAST).fetch(server.url("/a"), true))
        .isInstanceOf(PageUnavailableException.class);
    assertThat(server.hits("/a")).isZero();
  }

  @Test
  void missingRobotsTxtAllowsEverything() throws Exception {
    server.page("/a", PAGE);

    FetchedPage page = new PoliteFetcher(FAST).fetch(server.url("/a"), true);

    assertThat(page.attempts()).isEqualTo(1);
    assertThat(server.hits("/robots.txt")).isEqualTo(1);
  }

  @Test
  void retriesServerErrorsWithBackoffUntilTheyPass() throws Exception {
    server.route("/flaky", n -> n <= 2 ? Response.status(503) : Response.html(PAGE));

    FetchedPage page = new PoliteFetcher(FAST).fetch(server.url("/flaky"), true);

    assertThat(page.attempts()).isEqualTo(3);
    assertThat(server.hits("/flaky")).isEqualTo(3);
  }

  @Test
  void givesUpOnServerErrorsAfterTheLastAttempt() {
    server.route("/down", n -> Response.status(500));

    assertThatThrownBy(() -> new PoliteFetcher(FAST).fetch(server.url("/down"), true))
        .isInstanceOfSatisfying(PageUnavailableException.class, e -> {
          assertThat(e.reason()).isEqualTo(PageUnavailableException.Reason.FETCH_FAILED);
          assertThat(e.attempts()).isEqualTo(3);
        });
    assertThat(server.hits("/down")).isEqualTo(3);
  }

  @Test
  void neverRetriesClientErrors() {
    server.route("/gone", n -> Response.status(404)).route("/forbidden", n -> Response.status(403));
    PoliteFetcher fetcher = new PoliteFetcher(FAST);

    assertThatThrownBy(() -> fetcher.fetch(server.url("/gone"), true)).isInstanceOf(PageUnavailableException.class);
    assertThatThrownBy(() -> fetcher.fetch(server.url("/forbidden"), true))
        .isInstanceOf(PageUnavailableException.class);

    assertThat(server.hits("/gone")).isEqualTo(1);
    assertThat(server.hits("/forbidden")).isEqualTo(1);
  }

  @Test
  void retriesATimeout() throws Exception {
    server.route("/slow", n -> {
      if (n == 1) {
        Thread.sleep(1500);
      }
      return Response.html(PAGE);
    });
    FetchPolicy policy = FAST.withLimits(FAST.limits().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300),
        Duration.ofSeconds(5)));

    FetchedPage page = new PoliteFetcher(policy).fetch(server.url("/slow"), true);

    assertThat(page.attempts()).isEqualTo(2);
    assertThat(server.hits("/slow")).isEqualTo(2);
  }

  @Test
  void identifiesItselfWithItsUserAgent() throws Exception {
    server.page("/a", PAGE);

    new PoliteFetcher(FAST).fetch(server.url("/a"), true);

    assertThat(server.seen()).isNotEmpty().allSatisfy(s -> assertThat(s.userAgent()).startsWith("Watchfloor/"));
  }

  @Test
  void spacesRequestsToOneHostByTheDelayEvenFromManyThreads() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.page("/p" + i, PAGE);
    }
    PoliteFetcher fetcher = new PoliteFetcher(FAST.withHostDelay(Duration.ofMillis(300)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<FetchedPage>> all = List.of(0, 1, 2, 3).stream()
          .map(i -> pool.submit(() -> fetcher.fetch(server.url("/p" + i), true))).toList();
      for (Future<FetchedPage> f : all) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<Long> starts = server.seen().stream().filter(s -> s.path().startsWith("/p"))
        .map(LoopbackServer.Seen::nanos).sorted().toList();
    assertThat(starts).hasSize(4);
    for (int i = 1; i < starts.size(); i++) {
      assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1))).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }
  }

  @Test
  void honoursRobotsCrawlDelayBetweenRequests() throws Exception {
    server.route("/robots.txt", n -> new Response(200, "text/plain", "User-agent: *\nCrawl-delay: 1\n"))
        .page("/a", PAGE).page("/b", PAGE);
    PoliteFetcher fetcher = new PoliteFetcher(FAST);

    fetcher.fetch(server.url("/a"), true);
    fetcher.fetch(server.url("/b"), true);

    long a = server.seen().stream().filter(s -> s.path().equals("/a")).findFirst().orElseThrow().nanos();
    long b = server.seen().stream().filter(s -> s.path().equals("/b")).findFirst().orElseThrow().nanos();
    assertThat(Duration.ofNanos(b - a)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void refusesPrivateAddressesUnlessTheSourceIsAllowed() {
    server.page("/a", PAGE);

    assertThatThrownBy(() -> new PoliteFetcher(FAST).fetch(server.url("/a"), false))
        .isInstanceOfSatisfying(PageUnavailableException.class, e -> assertThat(e.getCause())
            .isInstanceOfSatisfying(FetchException.class,
                f -> assertThat(f.reason()).isEqualTo(FetchException.Reason.PRIVATE_ADDRESS)));
    assertThat(server.hits("/a")).isZero();
  }

  @Test
  void rejectsAnswersThatAreNotHtml() {
    server.route("/doc.pdf", n -> new Response(200, "application/pdf", "%PDF-1.7"));

    assertThatThrownBy(() -> new PoliteFetcher(FAST).fetch(server.url("/doc.pdf"), true))
        .isInstanceOfSatisfying(PageUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(PageUnavailableException.Reason.NOT_HTML));
  }
}
