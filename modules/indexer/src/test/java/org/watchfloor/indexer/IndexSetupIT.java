package org.watchfloor.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IndexSetupIT {
  private static ElasticsearchClient client;

  @BeforeAll
  static void connect() {
    client = ItSupport.client(ItSupport.stack());
  }

  @AfterAll
  static void disconnect() {
    EsClients.close(client);
  }

  @Test
  void createsTemplatesAndAliasesAndIsIdempotent() throws Exception {
    IndexSetup setup = new IndexSetup(client, 0);
    setup.ensure();
    setup.ensure();

    for (String name : List.of(IndexNames.ARTICLES, IndexNames.ALERTS, IndexNames.AGGREGATES)) {
      assertThat(client.indices().existsIndexTemplate(r -> r.name(name)).value()).as(name).isTrue();
      assertThat(client.indices().existsAlias(r -> r.name(name)).value()).as(name).isTrue();
    }
    String month = IndexNames.articlesIndex(Instant.now());
    assertThat(client.indices().getAlias(r -> r.name(IndexNames.ARTICLES)).result()).containsKey(month);
  }

  @Test
  void monthlyIndexCreatedByAWriteJoinsTheAlias() throws Exception {
    new IndexSetup(client, 0).ensure();
    String index = IndexNames.ARTICLES + "-1999.01";
    client.index(r -> r.index(index).id("old").document(java.util.Map.of("@timestamp", "1999-01-05T00:00:00Z")));

    assertThat(client.indices().getAlias(r -> r.name(IndexNames.ARTICLES)).result()).containsKey(index);
    assertThat(client.indices().getMapping(r -> r.index(index)).get(index).mappings().properties().get("tension")
        .object().properties().get("score").isFloat()).isTrue();
    client.indices().delete(r -> r.index(index));
  }

  @Test
  void textAnalyzerDropsEnglishStopWordsOnTheCoreBuild() throws Exception {
    new IndexSetup(client, 0).ensure();
    String index = IndexNames.articlesIndex(Instant.now());

    List<String> tokens = client.indices().analyze(r -> r.index(index).analyzer("watchfloor_text")
            .text("The missile and the launch of a rocket")).tokens().stream()
        .map(AnalyzeToken::token).toList();

    assertThat(tokens).containsExactly("missile", "launch", "rocket");
  }
}
