package org.watchfloor.feeds.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.feeds.source.SourceType;
import org.watchfloor.http.FetchLimits;
import org.watchfloor.http.LoopbackServer;
import org.watchfloor.http.SafeHttpFetcher;
import org.watchfloor.model.FeedEntry;

class SourcePollerTest {
  private final LoopbackServer server = new LoopbackServer();
  private final SourcePoller poller = new SourcePoller(new SafeHttpFetcher(FetchLimits.DEFAULTS
      .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3))
      .withMinRate(1024, Duration.ofMillis(500))));

  @AfterEach
  void stop() {
    server.close();
  }

  private Source source(String path) {
    return Source.feed("test" + path.replace('/', '-'), server.url(path), "1m", "1h", true);
  }

  static String rss(int from, int to) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
        + "<title>t</title><link>https://news.example.org/</link><description>d</description>");
    for (int i = to; i >= from; i--) {
      sb.append("<item><title>Story ").append(i).append("</title><link>https://news.example.org/s/").append(i)
          .append("</link><guid>id-").append(i).append("</guid></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  private void serveFeed(String path, AtomicReference<String> body, String etag) {
    server.on(path, ex -> {
      if (etag != null && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        LoopbackServer.respond(ex, 304, null, new byte[0]);
        return;
      }
      if (etag != null) {
        ex.getResponseHeaders().set("ETag", etag);
      }
      LoopbackServer.respond(ex, 200, "application/rss+xml", body.get().getBytes(StandardCharsets.UTF_8));
    });
  }

  @Test
  void emitsEveryEntryOnFirstPollOldestFirstWithSourceMetadata() {
    serveFeed("/f", new AtomicReference<>(rss(1, 3)), null);
    Source s = new Source("korea", server.url("/f"), SourceType.FEED, null, "en", "korea", List.of("security"),
        "1m", "1h", true);
    PollResult r = poller.poll(s, null);
    assertThat(r.failure()).isNull();
    assertThat(r.entries()).extracting(FeedEntry::entryId).containsExactly("id-1", "id-2", "id-3");
    FeedEntry first = r.entries().get(0);
    assertThat(first.source()).isEqualTo("korea");
    assertThat(first.languageHint()).isEqualTo("en");
    assertThat(first.region()).isEqualTo("korea");
    assertThat(first.tags()).containsExactly("security");
    assertThat(first.allowPrivate()).isTrue();
    assertThat(first.discoveredAt()).isNotNull();
    assertThat(SourcePoller.hostKey(first.link())).isEqualTo("news.example.org");
  }

  @Test
  void conditionalGetRoundTripEmitsNothingOnNotModified() {
    AtomicReference<String> body = new AtomicReference<>(rss(1, 2));
    serveFeed("/c", body, "\"v1\"");
    PollResult first = poller.poll(source("/c"), null);
    assertThat(first.entries()).hasSize(2);
    assertThat(first.state().etag()).isEqualTo("\"v1\"");
    PollResult second = poller.poll(source("/c"), first.state());
    assertThat(second.notModified()).isTrue();
    assertThat(second.entries()).isEmpty();
    assertThat(second.state().seen()).containsExactlyElementsOf(first.state().seen());
    assertThat(second.state().etag()).isEqualTo("\"v1\"");
  }

  @Test
  void emitsOnlyNewEntriesAndAdaptsTheInterval() {
    AtomicReference<String> body = new AtomicReference<>(rss(1, 3));
    serveFeed("/n", body, null);
    Source s = Source.feed("n", server.url("/n"), "1m", "1h", true);
    PollResult first = poller.poll(s, FeedState.initial("n", Duration.ofMinutes(8).toMillis()));
    assertThat(first.nextDelay()).isEqualTo(Duration.ofMinutes(4));
    PollResult quiet = poller.poll(s, first.state());
    assertThat(quiet.entries()).isEmpty();
    assertThat(quiet.nextDelay()).isEqualTo(Duration.ofMinutes(6));
    body.set(rss(2, 5));
    PollResult busy = poller.poll(s, quiet.state());
    assertThat(busy.entries()).extracting(FeedEntry::entryId).containsExactly("id-4", "id-5");
    assertThat(busy.nextDelay()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void backsOffAfterFailuresAndRecovers() {
    AtomicInteger calls = new AtomicInteger();
    server.on("/flaky", ex -> {
      if (calls.incrementAndGet() <= 2) {
        LoopbackServer.respond(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
      } else {
        LoopbackServer.respond(ex, 200, "application/rss+xml", rss(1, 1).getBytes(StandardCharsets.UTF_8));
      }
    });
    Source s = Source.feed("flaky", server.url("/flaky"), "1m", "1h", true);
    PollResult f1 = poller.poll(s, null);
    assertThat(f1.failure().reason()).isEqualTo("HTTP_STATUS");
    assertThat(f1.failure().retryable()).isTrue();
    assertThat(f1.nextDelay()).isEqualTo(Duration.ofMinutes(2));
    PollResult f2 = poller.poll(s, f1.state());
    assertThat(f2.nextDelay()).isEqualTo(Duration.ofMinutes(4));
    assertThat(f2.state().failures()).isEqualTo(2);
    PollResult ok = poller.poll(s, f2.state());
    assertThat(ok.failure()).isNull();
    assertThat(ok.entries()).hasSize(1);
    assertThat(ok.state().failures()).isZero();
  }

  @Test
  void permanentFailureGoesStraightToTheLongestInterval() {
    server.on("/gone", ex -> LoopbackServer.respond(ex, 404, "text/plain", "no".getBytes(StandardCharsets.UTF_8)));
    PollResult r = poller.poll(source("/gone"), null);
    assertThat(r.failure().reason()).isEqualTo("HTTP_STATUS");
    assertThat(r.failure().retryable()).isFalse();
    assertThat(r.nextDelay()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void reportsBadFeedsWithTheirBodyForTheDeadLetter() {
    byte[] html = "<html><body>Login</body></html>".getBytes(StandardCharsets.UTF_8);
    server.on("/html", ex -> LoopbackServer.respond(ex, 200, "text/html", html));
    PollResult r = poller.poll(source("/html"), null);
    assertThat(r.failure().reason()).isEqualTo("HTML_NOT_FEED");
    assertThat(r.failure().body()).isEqualTo(html);
    assertThat(r.failure().url()).isEqualTo(server.url("/html"));
  }

  @Test
  void everyBadInputIsAFailureNotAnException() throws IOException {
    server.on("/500", ex -> LoopbackServer.respond(ex, 500, "text/plain", "x".getBytes(StandardCharsets.UTF_8)));
    server.on("/malformed", ex -> LoopbackServer.respond(ex, 200, "text/xml",
        "<rss><channel>".getBytes(StandardCharsets.UTF_8)));
    server.on("/nonfeed", ex -> LoopbackServer.respond(ex, 200, "text/xml",
        "<note><to>x</to></note>".getBytes(StandardCharsets.UTF_8)));
    server.on("/encoding", ex -> LoopbackServer.respond(ex, 200, "text/xml",
        rss(1, 1).replace("Story", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1)));
    server.on("/xxe", ex -> LoopbackServer.respond(ex, 200, "text/xml",
        ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss>&x;</rss>")
            .getBytes(StandardCharsets.UTF_8)));
    byte[] bomb = gzipZeros(100);
    server.on("/bomb", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      LoopbackServer.respond(ex, 200, "text/xml", bomb);
    });
    server.on("/redirect-loop", ex -> LoopbackServer.redirect(ex, 302, "/redirect-loop"));
    server.on("/drip", ex -> {
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 50; i++) {
          out.write(' ');
          out.flush();
          Thread.sleep(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    String[][] cases = {
        {"/500", "HTTP_STATUS"}, {"/malformed", "MALFORMED_XML"}, {"/nonfeed", "NOT_A_FEED"},
        {"/encoding", "BAD_ENCODING"}, {"/xxe", "DOCTYPE_REFUSED"}, {"/bomb", "DECOMPRESSION_BOMB"},
        {"/redirect-loop", "REDIRECT_LOOP"}, {"/drip", "TOO_SLOW"}, {"/missing", "HTTP_STATUS"}};
    for (String[] c : cases) {
      PollResult r = poller.poll(source(c[0]), null);
      assertThat(r.failure()).as(c[0]).isNotNull();
      assertThat(r.failure().reason()).as(c[0]).isEqualTo(c[1]);
      assertThat(r.failure().message()).as(c[0]).isNotBlank();
      assertThat(r.entries()).as(c[0]).isEmpty();
      assertThat(r.state().failures()).as(c[0]).isEqualTo(1);
    }
  }

  @Test
  void refusesLoopbackSourceUnlessAllowed() {
    serveFeed("/private", new AtomicReference<>(rss(1, 1)), null);
    PollResult r = poller.poll(Source.feed("p", server.url("/private"), "1m", "1h", false), null);
    assertThat(r.failure().reason()).isEqualTo("PRIVATE_ADDRESS");
    assertThat(server.hits("/private")).isZero();
  }

  @Test
  void pollsListingPages() {
    server.on("/list", ex -> LoopbackServer.respond(ex, 200, "text/html; charset=utf-8",
        ("<html><body><div class=n><a href='/a/1'>One</a></div><div class=n><a href='/a/2'>Two</a></div>"
            + "<footer><a href='/about'>About</a></footer></body></html>").getBytes(StandardCharsets.UTF_8)));
    Source s = new Source("list", server.url("/list"), SourceType.LISTING, "div.n a", null, null, null, "1m", "1h",
        true);
    PollResult r = poller.poll(s, null);
    assertThat(r.entries()).extracting(FeedEntry::link).containsExactlyInAnyOrder(server.url("/a/1"),
        server.url("/a/2"));
    assertThat(poller.poll(s, r.state()).entries()).isEmpty();
  }

  @Test
  void forgetsOnlyTheOldestIdsBeyondTheBound() {
    serveFeed("/big", new AtomicReference<>(rss(1, 30)), null);
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < SourcePoller.MAX_SEEN; i++) {
      many.add("old-" + i);
    }
    FeedState full = new FeedState(FeedState.VERSION, "big", null, null, many, 60_000, 0, null);
    PollResult r = poller.poll(source("/big"), full);
    assertThat(r.entries()).hasSize(30);
    assertThat(r.state().seen()).hasSize(SourcePoller.MAX_SEEN).contains("id-30").doesNotContain("old-0");
  }

  static byte[] gzipZeros(int megabytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] zeros = new byte[1024 * 1024];
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < megabytes; i++) {
        gz.write(zeros);
      }
    }
    return bytes.toByteArray();
  }
}
