package org.watchfloor.indexer.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the importer against a real HTTP server on loopback that answers as Kibana does. */
class KibanaImporterTest {
  private HttpServer server;
  private final AtomicReference<String> path = new AtomicReference<>();
  private final AtomicReference<String> xsrf = new AtomicReference<>();
  private final AtomicReference<String> auth = new AtomicReference<>();
  private final AtomicReference<String> contentType = new AtomicReference<>();
  private final AtomicReference<String> body = new AtomicReference<>();
  private volatile int status = 200;
  private volatile String answer = "{\"success\":true,\"successCount\":2,\"successResults\":[]}";

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      path.set(exchange.getRequestURI().toString());
      xsrf.set(exchange.getRequestHeaders().getFirst("kbn-xsrf"));
      auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
      contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
      body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] out = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void postsTheFileAsMultipartWithXsrfHeaderAndOverwrite(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("objects.ndjson");
    Files.writeString(file, "{\"id\":\"a\",\"type\":\"index-pattern\"}\n");

    KibanaImporter.Result result = new KibanaImporter(KibanaImporter.basic("elastic", "pw")).importFile(url(), null, file);

    assertThat(result.success()).isTrue();
    assertThat(result.successCount()).isEqualTo(2);
    assertThat(path.get()).isEqualTo("/api/saved_objects/_import?overwrite=true");
    assertThat(xsrf.get()).isEqualTo("true");
    assertThat(auth.get()).isEqualTo("Basic ZWxhc3RpYzpwdw==");
    assertThat(contentType.get()).startsWith("multipart/form-data; boundary=");
    String boundary = contentType.get().substring(contentType.get().indexOf('=') + 1);
    assertThat(body.get()).startsWith("--" + boundary + "\r\n")
        .contains("Content-Disposition: form-data; name=\"file\"; filename=\"objects.ndjson\"")
        .contains("{\"id\":\"a\",\"type\":\"index-pattern\"}")
        .endsWith("--" + boundary + "--\r\n");
  }

  @Test
  void importsIntoASpaceAndReportsPerObjectErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.ndjson");
    Files.writeString(file, "{}\n");
    answer = "{\"success\":false,\"successCount\":1,\"errors\":[{\"id\":\"d1\",\"type\":\"dashboard\","
        + "\"error\":{\"type\":\"missing_references\",\"message\":\"lens l1 missing\"}}]}";

    KibanaImporter.Result result = new KibanaImporter(null).importFile(url() + "/", "ops", file);

    assertThat(path.get()).isEqualTo("/s/ops/api/saved_objects/_import?overwrite=true");
    assertThat(auth.get()).isNull();
    assertThat(result.success()).isFalse();
    assertThat(result.errors()).containsExactly("dashboard d1: missing_references lens l1 missing");
  }

  @Test
  void nonSuccessStatusIsAnImportException(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.ndjson");
    Files.writeString(file, "{}\n");
    status = 415;
    answer = "{\"statusCode\":415,\"error\":\"Unsupported Media Type\"}";

    assertThatThrownBy(() -> new KibanaImporter(null).importFile(url(), null, file))
        .isInstanceOf(KibanaImporter.ImportException.class)
        .hasMessageContaining("415")
        .satisfies(e -> assertThat(((KibanaImporter.ImportException) e).status()).isEqualTo(415));
  }
}
