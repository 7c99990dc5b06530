package org.watchfloor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;

/** {@code watchfloor trends} against the shared Elasticsearch node, with articles indexed as the indexer does. */
class TrendsCommandIT {
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00").withZone(ZoneOffset.UTC);
  private static final Instant NOW = Instant.now();
  private static String url;
  private static String actor;
  /** Named only by the two older articles. */
  private static String partner;
  private static final List<EnrichedArticle> RECENT = new ArrayList<>();

  @BeforeAll
  static void indexArticles() throws Exception {
    url = IndexedArticles.elasticsearchUrl();
    actor = IndexedArticles.uniqueActor("T");
    partner = IndexedArticles.uniqueActor("Q");
    Instant today = NOW.truncatedTo(ChronoUnit.DAYS);
    Instant twoDaysAgo = today.minus(2, ChronoUnit.DAYS);
    // the recent two stay on today's date and inside the last hours, even just after midnight
    long sinceMidnight = Duration.between(today, NOW).toSeconds();
    Instant recent1 = NOW.minusSeconds(Math.min(1800, sinceMidnight / 2));
    Instant recent2 = NOW.minusSeconds(Math.min(600, sinceMidnight / 4));
    RECENT.add(IndexedArticles.article(actor + "-3", recent1, recent1, "Missile test condemned", 85,
        List.of(actor, "USA"), List.of("missile")));
    RECENT.add(IndexedArticles.article(actor + "-4", recent2, recent2, "Nuclear parade", 65,
        List.of(actor), List.of("nuclear")));
    List<EnrichedArticle> all = new ArrayList<>(List.of(
        IndexedArticles.article(actor + "-1", twoDaysAgo.plusSeconds(3600), twoDaysAgo.plusSeconds(3600),
            "Missile launch over the sea", 30, List.of(actor, partner), List.of("missile")),
        IndexedArticles.article(actor + "-2", twoDaysAgo.plusSeconds(7200), twoDaysAgo.plusSeconds(7200),
            "Talks resume in Geneva", 10, List.of(partner, actor), List.of("diplomacy"))));
    all.addAll(RECENT);
    IndexedArticles.index(url, all);
  }

  private static CliRun trends(String... args) {
    List<String> all = new ArrayList<>(List.of("trends", "--elasticsearch", url));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  private static JsonNode json(CliRun run) throws Exception {
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    return Json.MAPPER.readTree(run.out());
  }

  @Test
  void dailyJsonCountsArticlesAndTensionPerDayIncludingEmptyDays() throws Exception {
    JsonNode points = json(trends("--actor", actor, "--since", "3d", "--interval", "day", "--json"));

    assertThat(points).hasSize(4);
    List<Long> counts = new ArrayList<>();
    points.forEach(p -> counts.add(p.path("count").asLong()));
    assertThat(counts).containsExactly(0L, 2L, 0L, 2L);
    assertThat(Instant.parse(points.get(3).path("start").asText())).isEqualTo(NOW.truncatedTo(ChronoUnit.DAYS));
    assertThat(points.get(1).path("mean_tension").asDouble()).isCloseTo(20.0, within(0.01));
    assertThat(points.get(1).path("max_tension").asDouble()).isCloseTo(30.0, within(0.01));
    assertThat(points.get(3).path("mean_tension").asDouble()).isCloseTo(75.0, within(0.01));
    assertThat(points.get(3).path("max_tension").asDouble()).isCloseTo(85.0, within(0.01));
    assertThat(points.get(2).has("mean_tension")).as("mean of an empty day").isFalse();
  }

  @Test
  void anotherActorSeesOnlyTheArticlesNamingIt() throws Exception {
    JsonNode points = json(trends("--actor", partner, "--since", "3d", "--interval", "day", "--json"));

    List<Long> counts = new ArrayList<>();
    points.forEach(p -> counts.add(p.path("count").asLong()));
    assertThat(counts).containsExactly(0L, 2L, 0L, 0L);
    assertThat(points.get(1).path("max_tension").asDouble()).isCloseTo(30.0, within(0.01));
  }

  @Test
  void hourlyTablePutsTodaysArticlesInTheirHoursWithMeanAndMax() {
    Instant ran = Instant.now();
    CliRun run = trends("--actor", actor, "--since", "6h");

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith(actor + ": 2 articles in 7 hour buckets, peak tension 85.0\n");
    // the expected rows come from the indexed articles: per hour, count, mean and max tension
    Map<Instant, List<Double>> perHour = new TreeMap<>();
    for (EnrichedArticle a : RECENT) {
      perHour.computeIfAbsent(a.article().published().truncatedTo(ChronoUnit.HOURS), h -> new ArrayList<>())
          .add(a.tension().score());
    }
    List<String> rows = run.out().lines().filter(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:00 .*")).toList();
    assertThat(rows).hasSize(7);
    perHour.forEach((hour, scores) -> {
      double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double max = scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      assertThat(rows).contains(String.format(Locale.ROOT, "%-16s  %8d  %6.1f  %6.1f", HOUR.format(hour),
          scores.size(), mean, max));
    });
    assertThat(rows.stream().filter(r -> r.endsWith("-       -"))).hasSize(7 - perHour.size());
    assertThat(rows.get(6)).startsWith(HOUR.format(ran));
  }

  @Test
  void unknownIntervalIsRejectedOnErr() {
    CliRun run = trends("--actor", actor, "--interval", "week");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--interval must be hour or day, got 'week'");
  }

  @Test
  void unreachableElasticsearchIsSaidInPlainWordsUntilTheWaitTimeoutThenExitCode3() throws Exception {
    String dead = IndexedArticles.deadUrl();

    CliRun run = CliRun.withErrorHandling("trends", "--elasticsearch", dead, "--actor", actor, "--wait-timeout", "2s");

    assertThat(run.exit()).isEqualTo(org.watchfloor.app.Watchfloor.SERVICE_UNAVAILABLE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("cannot reach Elasticsearch at " + dead + ": connection refused",
        "gave up after 2s (--wait-timeout)").doesNotContain("\tat ", "Exception");
  }
}
