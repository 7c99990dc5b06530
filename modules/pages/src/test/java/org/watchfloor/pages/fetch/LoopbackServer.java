package org.watchfloor.pages.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on loopback for tests: answers per path and counts every request it receives. */
public final class LoopbackServer implements AutoCloseable {

  /** How one path answers; {@code n} is the 1-based count of requests to it so far. */
  @FunctionalInterface
  public interface Responder {
    Response answer(int n) throws InterruptedException;
  }

  /** One answer: status, content type and body. */
  public record Response(int status, String contentType, String body) {
    public static Response html(String body) {
      return new Response(200, "text/html; charset=utf-8", body);
    }

    public static Response status(int status) {
      return new Response(status, "text/plain", "status " + status);
    }
  }

  /** What the server saw of one request. */
  public record Seen(String path, long nanos, String userAgent) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Responder> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  private LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static LoopbackServer start() {
    try {
      return new LoopbackServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LoopbackServer route(String path, Responder responder) {
    routes.put(path, responder);
    return this;
  }

  public LoopbackServer page(String path, String html) {
    return route(path, n -> Response.html(html));
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public int hits(String path) {
    AtomicInteger c = counts.get(path);
    return c == null ? 0 : c.get();
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    if (ex.getRequestURI().getRawQuery() != null) {
      path = path + "?" + ex.getRequestURI().getRawQuery();
    }
    seen.add(new Seen(path, System.nanoTime(), ex.getRequestHeaders().getFirst("User-Agent")));
    int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    Responder r = routes.get(path);
    Response response;
    try {
      response = r == null ? Response.status(404) : r.answer(n);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      response = Response.status(500);
    }
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", response.contentType());
    try {
      ex.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      // The client gave up (a timeout test); nothing left to answer.
      ex.close();
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
