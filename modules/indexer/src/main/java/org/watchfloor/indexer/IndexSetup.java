package org.watchfloor.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Json;

/**
 * Creates the index templates and the indices behind the aliases; safe to run at every start, because a template put
 * overwrites itself and an index that exists is left alone.
 */
public final class IndexSetup {
  private static final Logger LOG = LoggerFactory.getLogger(IndexSetup.class);

  /** Template name to the resource holding its body. */
  static final Map<String, String> TEMPLATES = new LinkedHashMap<>();

  static {
    TEMPLATES.put(IndexNames.ARTICLES, "templates/articles.json");
    TEMPLATES.put(IndexNames.ALERTS, "templates/alerts.json");
    TEMPLATES.put(IndexNames.AGGREGATES, "templates/aggregates.json");
  }

  private final ElasticsearchClient client;
  private final int replicas;

  public IndexSetup(ElasticsearchClient client, int replicas) {
    this.client = Objects.requireNonNull(client, "client");
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must be >= 0, got " + replicas);
    }
    this.replicas = replicas;
  }

  /** Puts the three templates and makes sure every alias has an index behind it (this month's, for articles). */
  public void ensure() throws IOException {
    for (Map.Entry<String, String> t : TEMPLATES.entrySet()) {
      String body = templateBody(t.getValue(), replicas);
      client.indices().putIndexTemplate(r -> r.name(t.getKey()).withJson(new StringReader(body)));
    }
    ArticleGenerations generations = new ArticleGenerations(client, replicas);
    int active = generations.active();
    if (active > 1) {
      generations.putTemplate(active, true);
    }
    createIfMissing(ArticleGenerations.index(active, Instant.now()));
    createIfMissing(IndexNames.ALERTS_INDEX);
    createIfMissing(IndexNames.AGGREGATES_INDEX);
    LOG.info("Elasticsearch templates and aliases ready ({} replicas)", replicas);
  }

  /** Creates a concrete index (its template adds the alias) unless it is already there. */
  public void createIfMissing(String index) throws IOException {
    if (client.indices().exists(r -> r.index(index)).value()) {
      return;
    }
    try {
      client.indices().create(r -> r.index(index));
      LOG.info("Created index {}", index);
    } catch (ElasticsearchException e) {
      // another indexer replica may have created it between our check and our create
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    }
  }

  /** The template body from its resource, with the replica count set and the alias added. */
  static String templateBody(String resource, int replicas) {
    try (InputStream in = IndexSetup.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing template resource " + resource);
      }
      JsonNode root = Json.MAPPER.readTree(in);
      ObjectNode template = (ObjectNode) root.get("template");
      ((ObjectNode) template.get("settings")).put("number_of_replicas", replicas);
      String alias = aliasOf(root.get("index_patterns").get(0).asText());
      template.putObject("aliases").putObject(alias);
      return Json.MAPPER.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + resource, e);
    }
  }

  private static String aliasOf(String pattern) {
    // watchfloor-articles-* -> watchfloor-articles
    return pattern.substring(0, pattern.length() - 2);
  }
}
