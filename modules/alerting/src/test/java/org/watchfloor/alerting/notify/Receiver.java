package org.watchfloor.alerting.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/** A real HTTP receiver on loopback that records every request and answers with a status chosen per call. */
public final class Receiver implements AutoCloseable {
  /** One received request. */
  public record Request(String path, Map<String, List<String>> headers, byte[] body, long receivedNanos) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, IntUnaryOperator> statusByPath = new ConcurrentHashMap<>();

  public Receiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Answers requests to {@code path} with {@code status.applyAsInt(n)} for the n-th call (1-based). */
  public Receiver answer(String path, IntUnaryOperator status) {
    statusByPath.put(path, status);
    return this;
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String path = ex.getRequestURI().getPath();
    int n = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    int status = statusByPath.getOrDefault(path, i -> 200).applyAsInt(n);
    if (status >= 200 && status < 300) {
      requests.add(new Request(path, Map.copyOf(ex.getRequestHeaders()), body, System.nanoTime()));
    }
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Requests answered with 2xx. */
  public List<Request> accepted() {
    return List.copyOf(requests);
  }

  public int calls(String path) {
    AtomicInteger c = calls.get(path);
    return c == null ? 0 : c.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
