package org.watchfloor.indexer.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.watchfloor.model.Json;

/**
 * Posts an NDJSON file of saved objects to Kibana's {@code _import?overwrite=true} as a multipart upload with the
 * {@code kbn-xsrf} header, and reports what Kibana says.
 */
public final class KibanaImporter {
  private final HttpClient http;
  private final String authorization;

  /** An importer; {@code authorization} is a full header value ({@code ApiKey ...}, {@code Basic ...}) or null. */
  public KibanaImporter(String authorization) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.authorization = authorization;
  }

  /** The header value for basic auth. */
  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
  }

  /** What Kibana answered: success, how many objects it imported, and its error messages. */
  public record Result(boolean success, int successCount, List<String> errors) {}

  /** A failed import: Kibana's status and answer. */
  public static final class ImportException extends IOException {
    private final int status;

    public ImportException(int status, String message) {
      super("Kibana answered " + status + ": " + message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /**
   * Imports {@code file} into Kibana at {@code kibanaUrl} (space {@code space} when not null).
   *
   * @throws ImportException when Kibana answers with a non-2xx status
   */
  public Result importFile(String kibanaUrl, String space, Path file) throws IOException, InterruptedException {
    Objects.requireNonNull(kibanaUrl, "kibanaUrl");
    byte[] content = Files.readAllBytes(file);
    String boundary = "watchfloor-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
    body.writeBytes(("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName() + "\"\r\n"
        + "Content-Type: application/ndjson\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String base = kibanaUrl.endsWith("/") ? kibanaUrl.substring(0, kibanaUrl.length() - 1) : kibanaUrl;
    String prefix = space == null || space.isBlank() || "default".equals(space) ? "" : "/s/" + space;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + prefix + "/api/saved_objects/_import?overwrite=true"))
        .timeout(Duration.ofSeconds(60))
        .header("kbn-xsrf", "true")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new ImportException(response.statusCode(), response.body());
    }
    JsonNode answer = Json.MAPPER.readTree(response.body());
    List<String> errors = new ArrayList<>();
    for (JsonNode e : answer.path("errors")) {
      errors.add(e.path("type").asText("?") + " " + e.path("id").asText("?") + ": "
          + e.path("error").path("type").asText("") + " " + e.path("error").path("message").asText(""));
    }
    return new Result(answer.path("success").asBoolean(false), answer.path("successCount").asInt(0), errors);
  }
}
