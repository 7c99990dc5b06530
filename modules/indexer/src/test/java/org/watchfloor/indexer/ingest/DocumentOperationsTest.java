package org.watchfloor.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.watchfloor.indexer.Articles;
import org.watchfloor.indexer.IndexNames;
import org.watchfloor.model.Aggregate;
import org.watchfloor.model.Json;
import org.watchfloor.model.SchemaException;
import org.watchfloor.model.Topics;

class DocumentOperationsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

  private static ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
    return new ConsumerRecord<>(topic, 0, 7L, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
  }

  @Test
  void enrichedArticleIsCreatedUnderItsIdInItsMonthlyIndexAndWrittenOverWithoutItsStoryIfItExists() {
    byte[] json = Json.write(Articles.article("abc", Instant.parse("2026-10-02T00:00:00Z"), "T", 30,
        List.of("PRK"), List.of()));

    DocumentOperations.Op op = DocumentOperations.of(record(Topics.ENRICHED, "abc", json), NOW);

    BulkOperation b = op.operation();
    assertThat(op.kind()).isEqualTo("article");
    assertThat(b.isCreate()).isTrue();
    assertThat(b.create().id()).isEqualTo("abc");
    assertThat(b.create().index()).isEqualTo("watchfloor-articles-2026.10");
    BulkOperation over = op.onConflict();
    assertThat(over.isUpdate()).isTrue();
    assertThat(over.update().id()).isEqualTo("abc");
    assertThat(over.update().index()).isEqualTo("watchfloor-articles-2026.10");
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> partial = (java.util.Map<String, Object>) over.update().action().doc();
    assertThat(partial).containsKey("title").doesNotContainKeys("story_id", "duplicate_of", "is_duplicate");
  }

  @Test
  void aStoryUpdateIsAnUpsertOfItsArticlesStoryFieldsInTheArticlesIndex() {
    org.watchfloor.model.StoryUpdate u = new org.watchfloor.model.StoryUpdate(
        org.watchfloor.model.StoryUpdate.VERSION, "copy", "orig", "orig", 2, null,
        Instant.parse("2026-09-30T23:00:00Z"), NOW);

    DocumentOperations.Op op = DocumentOperations.of(record(Topics.STORIES, "copy", Json.write(u)), NOW);

    assertThat(op.kind()).isEqualTo("story");
    assertThat(op.operation().isUpdate()).isTrue();
    assertThat(op.operation().update().id()).isEqualTo("copy");
    // undated: in the one index of undated articles, as its article is
    assertThat(op.operation().update().index()).isEqualTo("watchfloor-articles-undated");
    assertThat(op.operation().update().action().docAsUpsert()).isTrue();
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> doc = (java.util.Map<String, Object>) op.operation().update().action().doc();
    assertThat(doc).containsEntry("story_id", "orig").containsEntry("duplicate_of", "orig")
        .containsEntry("is_duplicate", true);
  }

  @Test
  void aggregateIsIndexedUnderItsStableDocId() {
    Aggregate g = new Aggregate(Aggregate.VERSION, "dyad", "PRK>KOR", NOW, NOW.plusSeconds(3600), 2, 100, 60);

    DocumentOperations.Op op = DocumentOperations.of(record(Topics.AGGREGATES, null, Json.write(g)), NOW);

    assertThat(op.operation().index().id()).isEqualTo(g.docId());
    assertThat(op.operation().index().index()).isEqualTo(IndexNames.AGGREGATES_INDEX);
  }

  @Test
  void deliveryIsAnUpsertOfTheAlertDocument() {
    byte[] outcome = "{\"channel\":\"email\",\"status\":\"FAILED\"}".getBytes(StandardCharsets.UTF_8);

    DocumentOperations.Op op = DocumentOperations.of(record(Topics.ALERT_DELIVERIES, "al-7", outcome), NOW);

    assertThat(op.operation().isUpdate()).isTrue();
    assertThat(op.operation().update().id()).isEqualTo("al-7");
    assertThat(op.operation().update().index()).isEqualTo(IndexNames.ALERTS_INDEX);
  }

  @Test
  void unreadableOrWrongVersionRecordsAreRefused() {
    assertThatThrownBy(() -> DocumentOperations.of(
        record(Topics.ENRICHED, "x", "{not json".getBytes(StandardCharsets.UTF_8)), NOW))
        .isInstanceOf(SchemaException.class);
    String future = new String(Json.write(Articles.article("x", NOW, "T", 1, List.of(), List.of())),
        StandardCharsets.UTF_8).replace("\"schema_version\":1", "\"schema_version\":99");
    assertThatThrownBy(() -> DocumentOperations.of(
        record(Topics.ENRICHED, "x", future.getBytes(StandardCharsets.UTF_8)), NOW))
        .isInstanceOf(SchemaException.class).hasMessageContaining("99");
    assertThatThrownBy(() -> DocumentOperations.of(record("other.topic", "x", new byte[] {'{', '}'}), NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
