package org.watchfloor.enricher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchfloor.enricher.story.StoryCandidate;
import org.watchfloor.model.Aggregate;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.StoryUpdate;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.DeadLetters;
import org.watchfloor.runtime.JsonSerde;

class EnrichmentTopologyTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:05:00Z");

  @TempDir Path stateDir;

  private final AtomicInteger enrichedCount = new AtomicInteger();
  private final List<String> deadReasons = new ArrayList<>();
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> raw;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<byte[], byte[]> dead;
  private TestOutputTopic<String, Aggregate> aggregates;
  private TestOutputTopic<String, StoryUpdate> stories;

  @BeforeEach
  void startDriver() {
    EnrichmentListener listener = new EnrichmentListener() {
      @Override
      public void enriched(String articleId, String storyId, String duplicateOf) {
        enrichedCount.incrementAndGet();
      }

      @Override
      public void deadLettered(String errorClass, String reason) {
        deadReasons.add(reason);
      }
    };
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrichment-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(
        EnrichmentTopology.build(new TestClassifier(), EnrichmentOptions.defaults().withListener(listener)), props);
    raw = driver.createInputTopic(Topics.RAW, new ByteArraySerializer(), new ByteArraySerializer());
    enriched = driver.createOutputTopic(Topics.ENRICHED, new StringDeserializer(),
        JsonSerde.of(EnrichedArticle.class).deserializer());
    dead = driver.createOutputTopic(Topics.DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    aggregates = driver.createOutputTopic(Topics.AGGREGATES, new StringDeserializer(),
        JsonSerde.of(Aggregate.class).deserializer());
    stories = driver.createOutputTopic(Topics.STORIES, new StringDeserializer(),
        JsonSerde.of(StoryUpdate.class).deserializer());
  }

  /** The latest story update of each article, as the indexer would apply them. */
  private Map<String, StoryUpdate> storyUpdates() {
    Map<String, StoryUpdate> latest = new java.util.LinkedHashMap<>();
    stories.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    return latest;
  }

  /** Emits the partial trend tallies, then their totals. */
  private void emitTrends() {
    driver.advanceWallClockTime(EnrichmentOptions.defaults().aggregateEmitInterval());
    driver.advanceWallClockTime(EnrichmentOptions.defaults().aggregateEmitInterval());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void enrichesAValidArticle() {
    send(article("a1", "PRK fires missile", "PRK>KOR launch near KOR. [tension 70] [fp 1234abcd]", T0));

    List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
    assertThat(out).hasSize(1);
    EnrichedArticle e = out.get(0).value;
    assertThat(out.get(0).key).isEqualTo("a1");
    assertThat(e.article().title()).isEqualTo("PRK fires missile");
    assertThat(e.actors()).extracting(a -> a.id()).containsExactly("PRK", "KOR");
    assertThat(e.tension().score()).isEqualTo(70.0);
    assertThat(e.dyads()).extracting(d -> d.source() + ">" + d.target()).containsExactly("PRK>KOR");
    assertThat(e.fingerprint()).isEqualTo(0x1234abcdL);
    assertThat(e.storyId()).isEqualTo("a1");
    assertThat(e.duplicateOf()).isNull();
    assertThat(e.enrichedAt()).isNotNull();
    assertThat(e.classifierVersion()).as("which classifier read it").isEqualTo(new TestClassifier().version());
    assertThat(dead.isEmpty()).isTrue();
    assertThat(enrichedCount).hasValue(1);
  }

  static Stream<Arguments> badRecords() {
    String good = new String(json(article("x", "Title", "Body [fp 1]", T0)), StandardCharsets.UTF_8);
    return Stream.of(
        Arguments.of("invalid JSON", "{\"schema_version\": 1, \"id\": ".getBytes(StandardCharsets.UTF_8),
            "invalid JSON"),
        Arguments.of("unknown schema version", good.replace("\"schema_version\":1", "\"schema_version\":2")
            .getBytes(StandardCharsets.UTF_8), "unknown schema_version 2"),
        Arguments.of("empty payload", new byte[0], "empty payload"),
        Arguments.of("no title and no text", json(article("e1", " ", "", T0)), "has neither title nor text"),
        Arguments.of("no id", json(article(null, "Title", "Text", T0)), "missing id"),
        Arguments.of("5 MB article", json(article("big", "Huge", "x".repeat(5 * 1024 * 1024), T0)),
            "exceeds the limit of 1048576 bytes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRecords")
  void routesBadRecordToDeadLettersAndKeepsGoing(String name, byte[] payload, String reason) {
    raw.pipeInput(new TestRecord<>("k1".getBytes(StandardCharsets.UTF_8), payload, T0));
    send(article("next", "PRK next", "after the bad one [fp 99]", T0));

    List<TestRecord<byte[], byte[]>> letters = dead.readRecordsToList();
    assertThat(letters).hasSize(1);
    TestRecord<byte[], byte[]> letter = letters.get(0);
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.MESSAGE)).contains(reason);
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.STAGE)).isEqualTo("enricher");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.ORIGIN_TOPIC)).isEqualTo(Topics.RAW);
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.CLASS)).isNotBlank();
    assertThat(letter.key()).isEqualTo("k1".getBytes(StandardCharsets.UTF_8));
    int expectedLength = Math.min(payload.length, DeadLetters.MAX_PAYLOAD);
    assertThat(letter.value()).hasSize(expectedLength);
    assertThat(letter.value()).isEqualTo(java.util.Arrays.copyOf(payload, expectedLength));
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::id).containsExactly("next");
    assertThat(deadReasons).hasSize(1);
  }

  @Test
  void routesClassifierExceptionToDeadLettersAndKeepsGoing() {
    send(article("boom1", "PRK", "this one breaks the classifier [boom]", T0));
    send(article("fine1", "PRK", "this one is fine [fp 5]", T0));

    List<TestRecord<byte[], byte[]>> letters = dead.readRecordsToList();
    assertThat(letters).hasSize(1);
    assertThat(DeadLetters.header(letters.get(0).headers(), DeadLetters.CLASS))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(DeadLetters.header(letters.get(0).headers(), DeadLetters.MESSAGE))
        .isEqualTo("classifier cannot read this article");
    assertThat(DeadLetters.header(letters.get(0).headers(), DeadLetters.ORIGIN_URL))
        .isEqualTo("https://news.example/boom1");
    assertThat(Json.read(letters.get(0).value(), RawArticle.class).id()).isEqualTo("boom1");
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::id).containsExactly("fine1");
  }

  @Test
  void dropsAnExactDuplicateById() {
    RawArticle a = article("same", "PRK", "first delivery [fp 77]", T0);
    send(a);
    send(a);
    // a re-fetch with new text but the same id is the same article
    send(article("same", "PRK", "re-fetched, text changed [fp 78]", T0.plusSeconds(3600)));
    send(article("other", "KOR", "a different article [fp ff000000]", T0));

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::id).containsExactly("same", "other");
  }

  @Test
  void forgetsAnIdOnceTheRetentionHasPassed() {
    send(article("again", "PRK", "first [fp 1]", T0));
    // another article eight days later moves stream time past the seven-day retention, and the sweep runs
    send(article("later", "PRK", "later [fp 2]", T0.plus(java.time.Duration.ofDays(8))));
    driver.advanceWallClockTime(java.time.Duration.ofMinutes(16));
    var seen = driver.<String, Long>getKeyValueStore(EnrichmentTopology.DEDUPE_STORE);
    assertThat(seen.get("again")).as("swept").isNull();
    assertThat(seen.get("later")).isNotNull();
    send(article("again", "PRK", "re-published [fp 1]", T0.plus(java.time.Duration.ofDays(8))));

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::id).containsExactly("again", "later", "again");
  }

  @Test
  void groupsNearDuplicatesIntoTheFirstCopysStory() {
    long fp = 0x0f0f_1234_5678_9abcL;
    send(article("orig", "PRK test", "text [fp " + Long.toHexString(fp) + "]", T0));
    // two bits apart, a day later: a syndicated copy
    send(article("copy", "PRK test", "text [fp " + Long.toHexString(fp ^ 0b101L) + "]", T0.plusSeconds(86_400)));
    // three bits from the copy, five from the original: a copy of the copy, same story
    send(article("copy2", "PRK test", "text [fp " + Long.toHexString(fp ^ 0b101L ^ (0b111L << 40)) + "]",
        T0.plusSeconds(90_000)));
    // seven bits apart: a different story
    send(article("far", "PRK test", "text [fp " + Long.toHexString(fp ^ 0xfe00_0000_0000_0000L) + "]",
        T0.plusSeconds(60)));
    // identical fingerprint, but five days later: more than 72 hours after every copy
    send(article("late", "PRK test", "text [fp " + Long.toHexString(fp) + "]", T0.plusSeconds(5 * 86_400)));

    // every article is enriched at once, in a story of its own
    assertThat(enriched.readValuesToList()).allSatisfy(e -> {
      assertThat(e.storyId()).isEqualTo(e.id());
      assertThat(e.duplicateOf()).isNull();
    });
    // and the copies follow as story updates
    Map<String, StoryUpdate> updates = storyUpdates();
    assertThat(updates).containsOnlyKeys("copy", "copy2");
    assertThat(updates.get("copy").duplicateOf()).isEqualTo("orig");
    assertThat(updates.get("copy").storyId()).isEqualTo("orig");
    assertThat(updates.get("copy").distance()).isEqualTo(2);
    assertThat(updates.get("copy").published()).isEqualTo(T0.plusSeconds(86_400));
    assertThat(updates.get("copy2").duplicateOf()).isEqualTo("copy");
    assertThat(updates.get("copy2").storyId()).isEqualTo("orig");
  }

  @Test
  void aCopyThatArrivesFirstJoinsTheEarlierArticlesStoryWhenThatArrives() {
    long fp = 0x0f0f_1234_5678_9abcL;
    // delivered out of order: the copy published a day later comes first, and has a copy of its own
    send(article("copy", "PRK test", "text [fp " + Long.toHexString(fp ^ 0b101L) + "]", T0.plusSeconds(86_400)));
    send(article("copy2", "PRK test", "text [fp " + Long.toHexString(fp ^ 0b101L ^ (0b11L << 40)) + "]",
        T0.plusSeconds(90_000)));
    assertThat(storyUpdates()).containsOnlyKeys("copy2");
    send(article("orig", "PRK test", "text [fp " + Long.toHexString(fp) + "]", T0));

    Map<String, StoryUpdate> updates = storyUpdates();
    assertThat(updates).containsOnlyKeys("copy", "copy2");
    assertThat(updates.get("copy").storyId()).isEqualTo("orig");
    assertThat(updates.get("copy").duplicateOf()).isEqualTo("orig");
    // the copy's copy is told that its original joined an earlier story
    assertThat(updates.get("copy2").storyId()).isEqualTo("orig");
    assertThat(updates.get("copy2").duplicateOf()).isEqualTo("copy");
  }

  @Test
  void aCopyKeepsTheClosestOriginal() {
    long fp = 0x0f0f_1234_5678_9abcL;
    send(article("first", "t", "text [fp " + Long.toHexString(fp ^ 0b111L) + "]", T0));
    send(article("second", "t", "text [fp " + Long.toHexString(fp ^ (0b1L << 50)) + "]", T0.plusSeconds(60)));
    send(article("copy", "t", "text [fp " + Long.toHexString(fp) + "]", T0.plusSeconds(120)));

    Map<String, StoryUpdate> updates = storyUpdates();
    // "second" is 4 bits from "first": beyond the distance, a story of its own; "copy" is 1 bit from it, 3 from "first"
    assertThat(updates).containsOnlyKeys("copy");
    assertThat(updates.get("copy").duplicateOf()).isEqualTo("second");
    assertThat(updates.get("copy").storyId()).isEqualTo("second");
    assertThat(updates.get("copy").distance()).isEqualTo(1);
  }

  @Test
  void dropsStoryBandsOlderThanTwiceTheWindow() {
    send(article("old", "t", "text [fp 1234]", T0));
    send(article("recent", "t", "text [fp 99990000]", T0.plus(java.time.Duration.ofDays(7))));
    driver.advanceWallClockTime(java.time.Duration.ofMinutes(16));

    var index = driver.<String, List<StoryCandidate>>getKeyValueStore(EnrichmentTopology.BAND_STORE);
    List<String> ids = new ArrayList<>();
    try (var it = index.all()) {
      it.forEachRemaining(kv -> kv.value.forEach(c -> ids.add(c.id())));
    }
    int bands = EnrichmentOptions.defaults().maxHammingDistance() + 1;
    assertThat(ids).hasSize(bands).containsOnly("recent");
  }

  @Test
  void theDistanceLimitIsInclusive() {
    int max = EnrichmentOptions.defaults().maxHammingDistance();
    long base = 0x5a5a_1234_0000_ffffL;
    long lowBits = (1L << max) - 1;
    long highBits = ((1L << (max + 1)) - 1) << 40;
    send(article("base", "t", "text [fp " + Long.toHexString(base) + "]", T0));
    send(article("at-limit", "t", "text [fp " + Long.toHexString(base ^ lowBits) + "]", T0.plusSeconds(60)));
    send(article("beyond", "t", "text [fp " + Long.toHexString(base ^ highBits) + "]", T0.plusSeconds(120)));

    Map<String, StoryUpdate> updates = storyUpdates();
    assertThat(Long.bitCount(lowBits)).isEqualTo(max);
    assertThat(updates.get("at-limit").duplicateOf()).isEqualTo("base");
    assertThat(updates).doesNotContainKey("beyond");
  }

  @Test
  void aggregatesPerActorAndDyadInHourlyWindows() {
    send(article("h1", "t", "PRK PRK>KOR [tension 20] [fp 1]", T0));
    send(article("h2", "t", "PRK KOR [tension 40] [fp 1000]", T0.plusSeconds(600)));
    send(article("h3", "t", "PRK>KOR and again PRK>KOR [tension 90] [fp 100000]", T0.plusSeconds(1200)));
    send(article("h4", "t", "PRK [tension 10] [fp 10000000]", T0.plusSeconds(3600)));
    assertThat(aggregates.isEmpty()).as("nothing before the emit interval has passed").isTrue();
    emitTrends();

    List<KeyValue<String, Aggregate>> emitted = aggregates.readKeyValuesToList();
    Map<String, Aggregate> latest = new java.util.LinkedHashMap<>();
    emitted.forEach(kv -> latest.put(kv.key, kv.value));
    // coalesced: one record per window and key, with its latest value
    assertThat(emitted).hasSameSizeAs(latest.keySet());
    long hour = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();
    long next = Instant.parse("2026-03-01T11:00:00Z").toEpochMilli();

    Aggregate prk = latest.get("actor:PRK:" + hour);
    assertThat(prk.count()).isEqualTo(3);
    assertThat(prk.tensionMean()).isEqualTo(50.0);
    assertThat(prk.tensionMax()).isEqualTo(90.0);
    assertThat(prk.windowStart()).isEqualTo(Instant.ofEpochMilli(hour));
    assertThat(prk.windowEnd()).isEqualTo(Instant.ofEpochMilli(next));

    Aggregate kor = latest.get("actor:KOR:" + hour);
    assertThat(kor.count()).isEqualTo(3);

    Aggregate dyad = latest.get("dyad:PRK>KOR:" + hour);
    assertThat(dyad.count()).isEqualTo(2);
    assertThat(dyad.tensionMean()).isEqualTo(55.0);
    assertThat(dyad.tensionMax()).isEqualTo(90.0);

    Aggregate prkNext = latest.get("actor:PRK:" + next);
    assertThat(prkNext.count()).isEqualTo(1);
    assertThat(prkNext.tensionMax()).isEqualTo(10.0);
    assertThat(latest).doesNotContainKey("actor:KOR:" + next);

    // a later update of one window emits that window alone
    send(article("h5", "t", "KOR [tension 100] [fp 20000000]", T0.plusSeconds(1800)));
    emitTrends();
    List<KeyValue<String, Aggregate>> update = aggregates.readKeyValuesToList();
    assertThat(update).extracting(kv -> kv.key).containsExactly("actor:KOR:" + hour);
    assertThat(update.get(0).value.count()).isEqualTo(4);
    assertThat(update.get(0).value.tensionMax()).isEqualTo(100.0);
  }

  @Test
  void aggregatesOnPublishedTimeNotArrivalTime() {
    Instant published = Instant.parse("2026-03-01T08:59:00Z");
    raw.pipeInput(new TestRecord<>("p1".getBytes(StandardCharsets.UTF_8),
        json(article("p1", "t", "USA [tension 30] [fp 3]", published)), T0));
    emitTrends();

    List<KeyValue<String, Aggregate>> out = aggregates.readKeyValuesToList();
    assertThat(out).extracting(kv -> kv.key)
        .containsExactly("actor:USA:" + Instant.parse("2026-03-01T08:00:00Z").toEpochMilli());
  }

  private void send(RawArticle a) {
    raw.pipeInput(new TestRecord<>(a.id() == null ? null : a.id().getBytes(StandardCharsets.UTF_8), json(a),
        a.published()));
  }

  static byte[] json(RawArticle a) {
    return Json.write(a);
  }

  static RawArticle article(String id, String title, String text, Instant published) {
    return new RawArticle(RawArticle.VERSION, id, "https://news.example/" + id, null, "example", "asia", List.of(),
        title, text, List.of(), published, null, published, "en", null, "Example News", RawArticle.FROM_PAGE);
  }

}
