package org.watchfloor.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Json;

/**
 * Generations of the article indices. Generation 1 is the monthly indices as they always were
 * ({@code watchfloor-articles-2026.12}); each re-reading of history ({@code watchfloor reprocess}) writes a new
 * generation ({@code watchfloor-articles-g2-2026.12}) beside it, out of sight of the read alias, and moves the alias
 * onto it in one step once it has caught up. The active generation is the one the read alias points to: the indexer
 * writes there.
 */
public final class ArticleGenerations {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleGenerations.class);
  private static final Pattern GENERATION = Pattern.compile("^" + Pattern.quote(IndexNames.ARTICLES) + "-g(\\d+)-");
  /** How long the indexer trusts its last look at the active generation. */
  static final long REFRESH_NANOS = 10_000_000_000L;

  private final ElasticsearchClient client;
  private final int replicas;

  public ArticleGenerations(ElasticsearchClient client, int replicas) {
    this.client = client;
    this.replicas = replicas;
  }

  /**
   * The index of generation {@code generation} for an article published at {@code published}: its month's, or the
   * generation's one index of undated articles when {@code published} is null.
   */
  public static String index(int generation, Instant published) {
    String legacy = published == null ? IndexNames.UNDATED_ARTICLES : IndexNames.articlesIndex(published);
    if (generation <= 1) {
      return legacy;
    }
    return IndexNames.ARTICLES + "-g" + generation + legacy.substring(IndexNames.ARTICLES.length());
  }

  /** Every index of a generation, as an index pattern. */
  public static String pattern(int generation) {
    return generation <= 1 ? IndexNames.ARTICLES + "-*" : IndexNames.ARTICLES + "-g" + generation + "-*";
  }

  /** The generation an article index belongs to. */
  public static int generationOf(String index) {
    Matcher m = GENERATION.matcher(index);
    return m.find() ? Integer.parseInt(m.group(1)) : 1;
  }

  /** The generation the read alias points to: the highest among its indices, or 1 when it has none yet. */
  public int active() throws IOException {
    try {
      var response = client.indices().getAlias(r -> r.name(IndexNames.ARTICLES));
      return response.result().keySet().stream().mapToInt(ArticleGenerations::generationOf).max().orElse(1);
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return 1;
      }
      throw e;
    }
  }

  /** The highest generation that has any index, in sight of the read alias or not. */
  public int newest() throws IOException {
    var response = client.indices().get(r -> r.index(IndexNames.ARTICLES + "-*").allowNoIndices(true)
        .ignoreUnavailable(true));
    return response.result().keySet().stream().mapToInt(ArticleGenerations::generationOf).max().orElse(1);
  }

  /**
   * Puts the index template of a generation above 1: the article mappings, and the read alias only if
   * {@code readable}, else an alias of its own ({@code watchfloor-articles-g2}) so that it can be searched apart.
   */
  public void putTemplate(int generation, boolean readable) throws IOException {
    if (generation <= 1) {
      throw new IllegalArgumentException("generation 1 is the base template's");
    }
    String body = templateBody(generation, readable, replicas);
    client.indices().putIndexTemplate(r -> r.name(IndexNames.ARTICLES + "-g" + generation)
        .withJson(new StringReader(body)));
  }

  static String templateBody(int generation, boolean readable, int replicas) {
    try {
      ObjectNode root = (ObjectNode) Json.MAPPER.readTree(IndexSetup.templateBody("templates/articles.json", replicas));
      root.putArray("index_patterns").add(pattern(generation));
      // the base template matches these names too: the higher priority wins
      root.put("priority", 200 + generation);
      ObjectNode aliases = ((ObjectNode) root.get("template")).putObject("aliases");
      aliases.putObject(readable ? IndexNames.ARTICLES : IndexNames.ARTICLES + "-g" + generation);
      return Json.MAPPER.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes {@code generation} the one everybody reads, in one step: its template takes the read alias for the months
   * to come, and the alias leaves every other article index for this generation's.
   */
  public void activate(int generation) throws IOException {
    putTemplate(generation, true);
    client.indices().updateAliases(u -> u
        .actions(a -> a.remove(r -> r.index(IndexNames.ARTICLES + "-*").alias(IndexNames.ARTICLES)))
        .actions(a -> a.add(r -> r.index(pattern(generation)).alias(IndexNames.ARTICLES))));
    LOG.info("The read alias {} now points to generation {}", IndexNames.ARTICLES, generation);
  }

  /** The active generation, looked up at most every ten seconds; the last answer while Elasticsearch is away. */
  public IntSupplier cached() {
    return new IntSupplier() {
      private int value = 1;
      private long lookedAt = Long.MIN_VALUE;

      @Override
      public synchronized int getAsInt() {
        long now = System.nanoTime();
        if (lookedAt == Long.MIN_VALUE || now - lookedAt > REFRESH_NANOS) {
          lookedAt = now;
          try {
            int g = active();
            if (g != value) {
              LOG.info("Writing articles to generation {} of the article indices", g);
            }
            value = g;
          } catch (IOException | RuntimeException e) {
            LOG.debug("Could not look up the active generation; still writing to {}", value, e);
          }
        }
        return value;
      }
    };
  }

  /** Reads a field of a template body: for tests. */
  static JsonNode parse(String body) throws IOException {
    return Json.MAPPER.readTree(body);
  }
}
