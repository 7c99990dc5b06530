package org.watchfloor.desk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.watchfloor.desk.TestArticles.article;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.watchfloor.desk.live.LiveHub;
import org.watchfloor.desk.query.ArticleRows;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;

/** The server on loopback without Kafka or Elasticsearch: assets, headers, auth, CSRF and the live stream. */
class DeskServerTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final LiveHub hub = new LiveHub();
  private DeskServer server;

  private DeskServer start(DeskSettings settings) {
    server = new DeskServer(settings, new DeskServer.Backend(null, null, null, hub)).start();
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThePageAndTheChartLibraryFromTheJarWithStrictHeaders() throws Exception {
    start(new DeskSettings(null, 0, null, null, null));

    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"/desk.js\" defer></script>").doesNotContain("${uplot.version}")
        .doesNotContain("onclick").doesNotContain("style=");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(DeskSecurity.CSP);
    assertThat(DeskSecurity.CSP).doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(DeskSecurity.CSRF_COOKIE + "=")
        && c.contains("SameSite=Strict"));
    String uplot = page.body().replaceAll("(?s).*src=\"(/webjars/uplot/[^\"]+)\".*", "$1");
    HttpResponse<String> lib = get(uplot);
    assertThat(lib.statusCode()).isEqualTo(200);
    assertThat(lib.body()).contains("uPlot");
    assertThat(get("/desk.js").headers().firstValue("Content-Security-Policy")).hasValue(DeskSecurity.CSP);
  }

  @Test
  void refusesWritesWithoutTheCsrfTokenInPlainWords() throws Exception {
    start(new DeskSettings(null, 0, null, null, null));
    String token = "a".repeat(48);

    HttpResponse<String> none = post("/api/alerts/x/ack");
    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(Json.MAPPER.readTree(none.body()).path("error").asText()).contains("reload the desk");
    HttpResponse<String> foreign = post("/api/alerts/x/ack", "Cookie", DeskSecurity.CSRF_COOKIE + "=" + token,
        DeskSecurity.CSRF_HEADER, token, "Origin", "https://evil.example");
    assertThat(foreign.statusCode()).isEqualTo(403);
    // with the token and from the page itself the write passes the check, and this test desk has no Kafka
    HttpResponse<String> ok = post("/api/alerts/x/ack", "Cookie", DeskSecurity.CSRF_COOKIE + "=" + token,
        DeskSecurity.CSRF_HEADER, token, "Origin", "http://127.0.0.1:" + server.port());
    assertThat(ok.statusCode()).isEqualTo(503);
    assertThat(get("/api/alerts/x/ack").statusCode()).isEqualTo(404);
  }

  @Test
  void asksForTheTokenWhenOneIsSetAndAcceptsItsSessionCookie() throws Exception {
    start(new DeskSettings(null, 0, "desk-token-1", null, null));

    HttpResponse<String> anonymous = get("/");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("/login?token=").doesNotContain("desk-token-1");
    assertThat(get("/", "Authorization", "Bearer desk-token-1").statusCode()).isEqualTo(200);
    assertThat(get("/login?token=wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> login = get("/login?token=desk-token-1");
    assertThat(login.statusCode()).isEqualTo(302);
    String cookie = login.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(DeskSecurity.SESSION_COOKIE)).findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").doesNotContain("desk-token-1");
    assertThat(get("/desk.js", "Cookie", cookie.substring(0, cookie.indexOf(';'))).statusCode()).isEqualTo(200);
  }

  @Test
  void answersBadFiltersWithAPlainReason() throws Exception {
    start(new DeskSettings(null, 0, null, null, null));

    HttpResponse<String> r = get("/api/articles?level=EXTREME");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(r.body()).path("error").asText()).startsWith("level must be one of");
    HttpResponse<String> noEs = get("/api/articles");
    assertThat(noEs.statusCode()).isEqualTo(503);
    assertThat(noEs.body()).contains("no Elasticsearch").doesNotContain("Exception");
  }

  @Test
  void streamsOnlyTheArticlesPassingTheViewersFilter() throws Exception {
    start(new DeskSettings(null, 0, null, null, null));
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/api/stream?actor=PRK&q=missile")).header("Accept", "text/event-stream").build();
    HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(resp.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      } catch (java.io.IOException e) {
        lines.add("closed");
      }
    });
    t.setDaemon(true);
    t.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> hub.viewers() == 1);

    publish(article("other").actors("KOR").title("Missile news from Seoul").build());
    publish(article("calm").actors("PRK").title("Harvest festival").build());
    publish(article("hit").actors("PRK").title("<img src=x onerror=alert(1)> missile").build());

    await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains("\"hit\"")));
    assertThat(lines).noneMatch(l -> l.contains("\"other\"") || l.contains("\"calm\""));
    assertThat(lines).contains("event: article");
    resp.body().close();
  }

  private void publish(EnrichedArticle a) {
    hub.publish(new LiveHub.Event("article", Json.writeString(ArticleRows.row(a, 1)), a, System.currentTimeMillis()));
  }
}
