package org.watchfloor.desk.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.desk.actions.AlertActions;
import org.watchfloor.desk.live.LiveHub;
import org.watchfloor.desk.query.DeskFilter;
import org.watchfloor.desk.query.DeskQueries;
import org.watchfloor.desk.status.PipelineView;
import org.watchfloor.model.Json;
import org.watchfloor.model.config.Durations;

/**
 * The desk's HTTP server (Javalin): the page and its assets from the jar, the JSON API, the live stream as
 * server-sent events, and the three writes (acknowledge, snooze, silence), each behind the CSRF check.
 */
public final class DeskServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeskServer.class);
  private static final long KEEPALIVE_MS = 15_000;
  /** How long a viewer's first new event waits for others to share its write. */
  private static final long LINGER_MS = 150;

  /** What the server reads and writes through; a null part answers 503 (tests run without it). */
  public record Backend(DeskQueries queries, AlertActions actions, PipelineView pipeline, LiveHub hub) {
    public Backend {
      Objects.requireNonNull(hub, "hub");
    }
  }

  private final DeskSettings settings;
  private final DeskSecurity security;
  private final Backend backend;
  private Javalin app;

  public DeskServer(DeskSettings settings, Backend backend) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.security = new DeskSecurity(settings);
    this.backend = backend;
  }

  /** Starts listening; {@link #port()} tells where when the port was 0. */
  public DeskServer start() {
    settings.check();
    app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.staticFiles.add(sf -> {
        sf.hostedPath = "/";
        sf.directory = "/desk";
        sf.location = Location.CLASSPATH;
      });
      cfg.staticFiles.enableWebjars();
      cfg.http.defaultContentType = "application/json";
    });
    app.before(this::guard);
    app.get("/login", this::login);
    app.get("/api/articles", ctx -> {
      DeskFilter f = filter(ctx);
      int n = size(ctx, 100, 500);
      json(ctx, queries().articles(f, n));
    });
    app.get("/api/articles/{id}", this::article);
    app.sse("/api/stream", client -> stream(client));
    app.get("/api/alerts", this::alerts);
    app.post("/api/alerts/{id}/ack", ctx -> json(ctx, AlertActions.describe(actions().acknowledge(
        ctx.pathParam("id"), Instant.now()))));
    app.post("/api/alerts/{id}/snooze", ctx -> json(ctx, AlertActions.describe(actions().snooze(
        ctx.pathParam("id"), period(ctx.queryParam("for"), "1h"), Instant.now()))));
    app.post("/api/rules/{id}/silence", this::silence);
    app.get("/api/rules", ctx -> json(ctx, queries().rules(Instant.now())));
    app.get("/api/trends", this::trend);
    app.get("/api/topics", ctx -> json(ctx, queries().topicVolume(period(ctx.queryParam("since"), "48h"),
        Instant.now())));
    app.get("/api/regions", ctx -> json(ctx, queries().regions(period(ctx.queryParam("since"), "7d"),
        Instant.now())));
    app.get("/api/stories/rising", ctx -> json(ctx, queries().risingStories(Instant.now(), 10)));
    app.get("/api/status", this::status);
    app.get("/api/deadletters", ctx -> json(ctx, pipeline().deadLetters(50)));
    app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
    app.exception(Unavailable.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
    app.exception(IOException.class, (e, ctx) -> {
      LOG.warn("Elasticsearch did not answer {}: {}", ctx.path(), e.getMessage());
      error(ctx, 503, "Elasticsearch did not answer; the history is not available right now");
    });
    app.exception(IllegalStateException.class, (e, ctx) -> {
      LOG.warn("Desk request {} failed: {}", ctx.path(), e.getMessage());
      error(ctx, 503, e.getMessage());
    });
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("Desk request {} failed", ctx.path(), e);
      error(ctx, 500, "the desk could not answer this request; its log says why");
    });
    try {
      app.start(settings.bind(), settings.port());
    } catch (RuntimeException e) {
      throw new DeskStartException("the desk cannot listen on " + settings.bind() + ":" + settings.port()
          + " (is the port taken?)", e);
    }
    return this;
  }

  public int port() {
    return app.port();
  }

  /** The address to open in a browser. */
  public String url() {
    String host = settings.bind().equals("0.0.0.0") || settings.bind().equals("::") ? "127.0.0.1" : settings.bind();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port() + "/";
  }

  /** Headers on every answer, the login check, and the CSRF check on writes. */
  private void guard(Context ctx) {
    ctx.header("Content-Security-Policy", DeskSecurity.CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    if (ctx.path().startsWith("/api/")) {
      ctx.header("Cache-Control", "no-store");
    }
    if (!ctx.path().equals("/login") && !security.allowed(ctx.header("Authorization"),
        ctx.cookie(DeskSecurity.SESSION_COOKIE))) {
      if (settings.user() != null) {
        ctx.header("WWW-Authenticate", "Basic realm=\"watchfloor desk\", charset=\"UTF-8\"");
      }
      ctx.status(401).contentType("text/plain; charset=utf-8").result(settings.token() != null
          ? "The desk needs its token: open /login?token=... once, or send Authorization: Bearer ..."
          : "The desk needs its user name and password.");
      ctx.skipRemainingHandlers();
      return;
    }
    if (ctx.cookie(DeskSecurity.CSRF_COOKIE) == null && !ctx.path().startsWith("/api/")) {
      Cookie c = new Cookie(DeskSecurity.CSRF_COOKIE, DeskSecurity.newCsrfToken());
      c.setPath("/");
      c.setSameSite(SameSite.STRICT);
      c.setHttpOnly(false); // the page reads it to send it back as a header: the double-submit check
      ctx.cookie(c);
    }
    if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")
        && !ctx.method().name().equals("OPTIONS")) {
      String why = DeskSecurity.refuseWrite(ctx.cookie(DeskSecurity.CSRF_COOKIE),
          ctx.header(DeskSecurity.CSRF_HEADER), ctx.header("Origin"), ctx.host(), ctx.header("Sec-Fetch-Site"));
      if (why != null) {
        LOG.warn("Desk write {} refused: {}", ctx.path(), why);
        error(ctx, 403, why);
        ctx.skipRemainingHandlers();
      }
    }
  }

  private void login(Context ctx) {
    if (!security.tokenMatches(ctx.queryParam("token"))) {
      ctx.status(401).contentType("text/plain; charset=utf-8").result("That is not the desk's token.");
      return;
    }
    Cookie c = new Cookie(DeskSecurity.SESSION_COOKIE, security.sessionValue());
    c.setPath("/");
    c.setHttpOnly(true);
    c.setSameSite(SameSite.STRICT);
    ctx.cookie(c);
    ctx.redirect("/");
  }

  private void article(Context ctx) throws IOException {
    Map<String, Object> view = queries().article(ctx.pathParam("id"));
    if (view == null) {
      error(ctx, 404, "no indexed article has this id (yet: a new article takes a second or two)");
      return;
    }
    json(ctx, view);
  }

  private void alerts(Context ctx) throws IOException {
    Map<String, AlertActions.State> states = actions().states();
    Instant now = Instant.now();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> a : queries().alerts(size(ctx, 100, 500))) {
      AlertActions.State s = states.get((String) a.get("id"));
      if (s != null && !("snoozed".equals(s.state()) && s.until() != null && now.isAfter(s.until()))) {
        a.putAll(AlertActions.describe(s));
      }
      out.add(a);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("alerts", out);
    Map<String, Object> stateMap = new LinkedHashMap<>();
    states.forEach((id, s) -> stateMap.put(id, AlertActions.describe(s)));
    body.put("states", stateMap);
    json(ctx, body);
  }

  private void silence(Context ctx) {
    String key = ctx.queryParam("key");
    var s = actions().silence(ctx.pathParam("id"), key == null || key.isBlank() ? null : key,
        period(ctx.queryParam("for"), "1h"), Instant.now());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("silence", s.id());
    m.put("rule", s.rule());
    m.put("key", s.key());
    m.put("until", s.until().toString());
    json(ctx, m);
  }

  private void trend(Context ctx) throws IOException {
    String actor = ctx.queryParam("actor");
    String dyad = ctx.queryParam("dyad");
    if ((actor == null || actor.isBlank()) == (dyad == null || dyad.isBlank())) {
      throw new IllegalArgumentException("name one actor (actor=PRK) or one dyad (dyad=PRK>KOR)");
    }
    boolean hourly = !"day".equals(ctx.queryParam("interval"));
    Duration since = period(ctx.queryParam("since"), hourly ? "48h" : "30d");
    json(ctx, actor != null && !actor.isBlank()
        ? queries().trend("actor_ids", actor.trim(), hourly, since, Instant.now())
        : queries().trend("dyad_keys", dyad.trim(), hourly, since, Instant.now()));
  }

  private void status(Context ctx) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>(pipeline().status(Instant.now()));
    Map<String, Object> desk = new LinkedHashMap<>();
    desk.put("viewers", backend.hub().viewers());
    desk.put("live_events", backend.hub().published());
    desk.put("dropped_viewers", backend.hub().droppedViewers());
    m.put("desk", desk);
    json(ctx, m);
  }

  private void stream(io.javalin.http.sse.SseClient client) {
    DeskFilter filter;
    try {
      filter = DeskFilter.fromParams(client.ctx().queryParamMap());
    } catch (IllegalArgumentException e) {
      client.sendEvent("problem", Json.writeString(Map.of("error", e.getMessage())));
      return;
    }
    try (LiveHub.Viewer viewer = backend.hub().join(filter)) {
      client.sendEvent("ready", "{}");
      // events are written in batches with one flush each: at hundreds of articles a second, a write and a flush per
      // event and viewer cost more than everything else the desk does
      java.io.OutputStream out = client.ctx().res().getOutputStream();
      List<LiveHub.Event> batch = new ArrayList<>();
      long lastSent = System.currentTimeMillis();
      while (!client.terminated()) {
        LiveHub.Event first = viewer.poll(1000);
        if (viewer.dropped()) {
          client.sendEvent("dropped", "{\"error\":\"this view fell behind the stream; reload it\"}");
          return;
        }
        if (first != null) {
          // let a busy stream gather for a moment: a few writes a second per viewer instead of one per article
          Thread.sleep(LINGER_MS);
          batch.add(first);
          viewer.drainTo(batch, LiveHub.QUEUE);
          java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(batch.size() * 600);
          for (LiveHub.Event e : batch) {
            buffer.write(e.frame());
          }
          batch.clear();
          buffer.writeTo(out);
          out.flush();
          lastSent = System.currentTimeMillis();
        } else if (System.currentTimeMillis() - lastSent > KEEPALIVE_MS) {
          client.sendComment("keepalive");
          lastSent = System.currentTimeMillis();
        }
      }
    } catch (java.io.IOException e) {
      LOG.debug("Live viewer left: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static DeskFilter filter(Context ctx) {
    return DeskFilter.fromParams(ctx.queryParamMap());
  }

  private static int size(Context ctx, int dflt, int max) {
    String s = ctx.queryParam("size");
    if (s == null || s.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(s.trim());
      if (n < 1 || n > max) {
        throw new IllegalArgumentException("size must be between 1 and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size must be a whole number");
    }
  }

  private static Duration period(String value, String dflt) {
    String v = value == null || value.isBlank() ? dflt : value.trim();
    try {
      return Durations.parse(v);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("a period is written like 30m, 1h or 7d, not '"
          + (v.length() > 20 ? v.substring(0, 20) + "..." : v) + "'");
    }
  }

  private DeskQueries queries() {
    if (backend.queries() == null) {
      throw new Unavailable("this desk has no Elasticsearch to read history from");
    }
    return backend.queries();
  }

  private AlertActions actions() {
    if (backend.actions() == null) {
      throw new Unavailable("this desk cannot save alert actions");
    }
    return backend.actions();
  }

  private PipelineView pipeline() {
    if (backend.pipeline() == null) {
      throw new Unavailable("this desk does not see the pipeline");
    }
    return backend.pipeline();
  }

  private static void json(Context ctx, Object body) {
    ctx.contentType("application/json; charset=utf-8").result(Json.writeString(body));
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status);
    json(ctx, Map.of("error", message == null ? "the request failed" : message));
  }

  /** A part of the backend this desk does not have. */
  static final class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message);
    }
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }
}
