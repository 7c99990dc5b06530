package org.watchfloor.app.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook endpoint on loopback that answers 200 and counts deliveries by their {@code Idempotency-Key}: what the
 * benchmark and the fault suite use to tell lost and duplicated alerts apart.
 */
public final class WebhookReceiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "webhook-receiver");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Integer> byKey = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private volatile BiConsumer<String, byte[]> listener = (key, body) -> { };

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  public static WebhookReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.createContext("/", exchange -> {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
          body = in.readAllBytes();
        }
        String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_HEADER);
        receiver.requests.incrementAndGet();
        if (key != null) {
          int seen = receiver.byKey.merge(key, 1, Integer::sum);
          if (seen == 1) {
            receiver.listener.accept(key, body);
          } else {
            LOG.warn("Alert {} delivered {} times", key, seen);
          }
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.setExecutor(receiver.executor);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the loopback webhook receiver", e);
    }
  }

  /** Called once per new key, on the receiver's thread, with the request body. */
  public WebhookReceiver onFirstDelivery(BiConsumer<String, byte[]> firstDelivery) {
    this.listener = firstDelivery;
    return this;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Distinct keys received. */
  public int uniqueKeys() {
    return byKey.size();
  }

  /** Requests received, repeats included. */
  public long requests() {
    return requests.get();
  }

  /** Keys received more than once. */
  public long duplicatedKeys() {
    return byKey.values().stream().filter(n -> n > 1).count();
  }

  public Map<String, Integer> counts() {
    return Map.copyOf(byKey);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
