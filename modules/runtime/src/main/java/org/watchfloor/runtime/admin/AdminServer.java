package org.watchfloor.runtime.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;

/**
 * Serves a stage process's health and metrics for operators and orchestrators:
 *
 * <ul>
 *   <li>{@code /health/live}: 200 while the process serves at all;</li>
 *   <li>{@code /health/ready} and {@code /health}: 200 once every stage is ready (its consumers assigned, its stores
 *       restored), else 503; the body names each stage's state in JSON;</li>
 *   <li>{@code /metrics}: the Micrometer registry the stages count into, in Prometheus text format.</li>
 * </ul>
 *
 * <p>Settings: {@code admin.port} (default {@value #DEFAULT_PORT}: any free port, logged; -1 turns it off) and
 * {@code admin.bind} (default {@value #DEFAULT_BIND}, loopback only).
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

  public static final String PORT_KEY = "admin.port";
  public static final String BIND_KEY = "admin.bind";
  /** Any free port; a deployment sets a fixed one ({@code --admin-port 9400} in the compose file). */
  public static final int DEFAULT_PORT = 0;
  /** Off. */
  public static final int OFF = -1;
  public static final String DEFAULT_BIND = "127.0.0.1";
  /** The content type of the Prometheus text format. */
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private AdminServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts the server unless {@code port} is {@link #OFF}; null then.
   *
   * @param stages what readiness is asked of; read on every request, so stages may be added after the start
   */
  public static AdminServer start(String bind, int port, PrometheusMeterRegistry registry,
      Supplier<List<? extends Stage>> stages) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(stages, "stages");
    if (port == OFF) {
      return null;
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(bind, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve health and metrics on " + bind + ":" + port
          + " (is the port taken? set admin.port or --admin-port)", e);
    }
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "watchfloor-admin");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/health/live", ex -> respond(ex, 200, "application/json", "{\"live\":true}\n"));
    server.createContext("/health/ready", ex -> health(ex, stages.get()));
    server.createContext("/health", ex -> health(ex, stages.get()));
    server.createContext("/metrics", ex -> respond(ex, 200, PROMETHEUS_TEXT, registry.scrape()));
    server.createContext("/", ex -> respond(ex, 404, "text/plain; charset=utf-8",
        "not found: try /health, /health/live, /health/ready or /metrics\n"));
    server.start();
    AdminServer admin = new AdminServer(server, executor);
    LOG.info("Health and metrics at {}/health and {}/metrics", admin.url(), admin.url());
    return admin;
  }

  /** Starts the server from the settings' {@code admin.port} and {@code admin.bind}; null when it is off. */
  public static AdminServer start(Settings settings, PrometheusMeterRegistry registry,
      Supplier<List<? extends Stage>> stages) {
    return start(settings.get(BIND_KEY, DEFAULT_BIND), settings.getInt(PORT_KEY, DEFAULT_PORT), registry, stages);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:9400}. */
  public String url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
    return "http://" + host + ":" + a.getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void health(HttpExchange ex, List<? extends Stage> stages) throws IOException {
    Map<String, Boolean> ready = new TreeMap<>();
    for (Stage s : stages) {
      boolean r;
      try {
        r = s.ready();
      } catch (RuntimeException e) {
        r = false;
      }
      ready.merge(s.name(), r, Boolean::logicalAnd);
    }
    boolean all = !ready.isEmpty() && ready.values().stream().allMatch(Boolean::booleanValue);
    StringBuilder body = new StringBuilder("{\"live\":true,\"ready\":").append(all).append(",\"stages\":{");
    boolean first = true;
    for (Map.Entry<String, Boolean> e : ready.entrySet()) {
      body.append(first ? "" : ",").append('"').append(e.getKey()).append("\":\"")
          .append(e.getValue() ? "ready" : "starting").append('"');
      first = false;
    }
    body.append("}}\n");
    respond(ex, all ? 200 : 503, "application/json", body.toString());
  }

  private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
    try (ex) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      if ("HEAD".equals(ex.getRequestMethod())) {
        ex.sendResponseHeaders(status, -1);
        return;
      }
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
