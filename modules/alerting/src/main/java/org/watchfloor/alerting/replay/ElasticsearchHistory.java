package org.watchfloor.alerting.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.Settings;

/**
 * Reads indexed articles back from Elasticsearch in fetch-time order, through a point in time with
 * {@code search_after}, so that a replay sees them as the live stream did.
 */
public final class ElasticsearchHistory {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchHistory.class);
  public static final String ALIAS = "watchfloor-articles";
  public static final String TIME_FIELD = "event.created";
  private static final int PAGE = 500;

  private final String url;
  private final String authorization;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public ElasticsearchHistory(String url, String authorization) {
    // a bare host:port means http, as for the indexer's client
    String full = Objects.requireNonNull(url, "url").contains("://") ? url : "http://" + url;
    this.url = full.replaceAll("/+$", "");
    try {
      if (URI.create(this.url).getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(Settings.FILE, "elasticsearch.url", "not a URL: '" + url + "' (" + e.getMessage() + ")");
    }
    this.authorization = authorization;
  }

  /** Uses {@code elasticsearch.api.key}, or {@code elasticsearch.username} and {@code elasticsearch.password}. */
  public static ElasticsearchHistory of(String url, Settings s) {
    String apiKey = s.get("elasticsearch.api.key", null);
    String user = s.get("elasticsearch.username", null);
    String auth = null;
    if (apiKey != null) {
      auth = "ApiKey " + apiKey.trim();
    } else if (user != null) {
      auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + s.get("elasticsearch.password", ""))
          .getBytes(StandardCharsets.UTF_8));
    }
    return new ElasticsearchHistory(url, auth);
  }

  /**
   * Calls {@code sink} with every article fetched since {@code since}, oldest first; a document that cannot be read
   * back is logged and skipped. Returns the number of articles read.
   */
  public long forEach(Instant since, Consumer<EnrichedArticle> sink) throws IOException, InterruptedException {
    JsonNode pit = call("POST", "/" + ALIAS + "/_pit?keep_alive=2m", null);
    String pitId = pit.path("id").asText();
    long count = 0;
    JsonNode after = null;
    try {
      while (true) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("size", PAGE);
        body.putObject("pit").put("id", pitId).put("keep_alive", "2m");
        body.putObject("query").putObject("range").putObject(TIME_FIELD).put("gte", since.toString());
        ArrayNode sort = body.putArray("sort");
        sort.addObject().putObject(TIME_FIELD).put("order", "asc").put("unmapped_type", "date");
        sort.addObject().putObject("_shard_doc").put("order", "asc");
        body.put("track_total_hits", false);
        if (after != null) {
          body.set("search_after", after);
        }
        JsonNode page = call("POST", "/_search", body);
        if (page.hasNonNull("pit_id")) {
          pitId = page.get("pit_id").asText();
        }
        JsonNode hits = page.path("hits").path("hits");
        if (hits.size() == 0) {
          return count;
        }
        for (JsonNode hit : hits) {
          try {
            sink.accept(ArticleDocs.fromDocument(hit.path("_source")));
            count++;
          } catch (RuntimeException e) {
            LOG.warn("Indexed article {} skipped: {}", hit.path("_id").asText(), e.getMessage());
          }
          after = hit.path("sort");
        }
      }
    } finally {
      ObjectNode close = Json.MAPPER.createObjectNode().put("id", pitId);
      try {
        call("DELETE", "/_pit", close);
      } catch (IOException e) {
        LOG.debug("Point in time not closed: {}", e.getMessage());
      }
    }
  }

  private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() / 100 != 2) {
      throw new IOException(method + " " + url + path + " answered " + r.statusCode() + ": "
          + new String(r.body(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
    }
    return Json.MAPPER.readTree(r.body());
  }
}
