package org.watchfloor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watchfloor model cache} against a news page served on loopback, written for this test. */
class ModelCacheCommandTest {
  @TempDir Path labels;
  @TempDir Path cache;
  private HttpServer server;

  private static final String SENTENCE = "The two ministers met in the capital on Monday and agreed to meet again. ";

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/news/talks", ex -> {
      String body = "<html><head><title>Ministers agree to meet again</title></head><body><article>"
          + "<h1>Ministers agree to meet again</h1><p>" + SENTENCE.repeat(20) + "</p><p>" + SENTENCE.repeat(20)
          + "</p></article></body></html>";
      send(ex, 200, "text/html; charset=utf-8", body);
    });
    server.createContext("/", ex -> send(ex, 404, "text/plain", "not found"));
    server.start();
  }

  private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void fetchesEachLabelledPageIntoTheCacheAndSaysWhatFailed() throws IOException {
    Files.createDirectories(labels.resolve("labels"));
    Files.writeString(labels.resolve("labels/t.yaml"), String.join("\n",
        "- {id: t-001, url: '" + url("/news/talks") + "', level: LOW, accepted: [LOW]}",
        "- {id: t-002, url: '" + url("/news/gone") + "', level: LOW, accepted: [LOW]}", ""));
    CliRun first = CliRun.of("model", "cache", "--labels", labels.toString(), "--cache", cache.toString(),
        "--allow-private", "--host-delay", "0s");

    assertThat(first.exit()).as(first.out() + "\n" + first.err()).isEqualTo(1);
    assertThat(first.out()).contains("1 fetched, 0 already there, 1 failed, of 2 labelled articles");
    assertThat(first.err()).contains("t-002").doesNotContain("Exception");
    List<String> lines = Files.readAllLines(cache.resolve("raw/t-001.txt"));
    assertThat(lines.get(0)).isEqualTo(url("/news/talks"));
    assertThat(lines.get(1)).isEqualTo("Ministers agree to meet again");
    assertThat(lines.get(2)).isEmpty();
    String text = String.join("\n", lines.subList(3, lines.size()));
    assertThat(text).startsWith("The two ministers met").endsWith("again.");
    assertThat(text.length()).isBetween(1000, 2000);

    // a second run fetches nothing that is already cached
    CliRun again = CliRun.of("model", "cache", "--labels", labels.toString(), "--cache", cache.toString(),
        "--allow-private", "--host-delay", "0s");
    assertThat(again.out()).contains("0 fetched, 1 already there, 1 failed");
  }
}
