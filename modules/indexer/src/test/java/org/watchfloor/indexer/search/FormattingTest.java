package org.watchfloor.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.TensionLevel;

class FormattingTest {
  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

  @Test
  void tableShowsOneLinePerHitWithinTheWidth() {
    List<ArticleHit> hits = List.of(
        new ArticleHit("a", NOW, "SEVERE", 91.0, List.of("PRK", "JPN"), List.of("missile"),
            "North Korea fires an intercontinental ballistic missile over Japan, the first since 2022, officials say",
            "yonhap", "https://x"),
        new ArticleHit("b", NOW.minusSeconds(3600), null, null, List.of(), List.of(), null, null, null));

    String table = ArticleTable.format(hits, 100);
    List<String> lines = table.lines().toList();

    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("TIME (UTC)").contains("LEVEL", "ACTORS", "TITLE", "SOURCE");
    assertThat(lines.get(1)).startsWith("2026-11-23 06:00").contains("SEVERE", "PRK,JPN", "North Korea fires", "…",
        "yonhap");
    assertThat(lines.get(2)).contains("(untitled)");
    assertThat(lines.subList(0, 3)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    assertThat(lines.get(3)).isEqualTo("2 articles, newest first");
  }

  @Test
  void trendTableHasSparklinesAndOneRowPerBucket() {
    List<TrendPoint> points = List.of(
        new TrendPoint(Instant.parse("2026-11-21T00:00:00Z"), 2, 30.0, 40.0),
        new TrendPoint(Instant.parse("2026-11-22T00:00:00Z"), 0, null, null),
        new TrendPoint(Instant.parse("2026-11-23T00:00:00Z"), 6, 70.0, 95.5));

    String out = TrendTable.format("PRK", points, TrendInterval.DAY);

    assertThat(out).startsWith("PRK: 8 articles in 3 day buckets, peak tension 95.5");
    assertThat(out).contains("volume   ▃ █").contains("tension  ▄ █");
    assertThat(out).contains("2026-11-22               0       -       -");
    assertThat(out).contains("2026-11-23               6    70.0    95.5");
  }

  @Test
  void longHourlyTrendListsOnlyBusyHours() {
    List<TrendPoint> points = new java.util.ArrayList<>();
    Instant start = Instant.parse("2026-11-21T00:00:00Z");
    for (int h = 0; h < 48; h++) {
      points.add(h == 5 || h == 40
          ? new TrendPoint(start.plusSeconds(3600L * h), 3, 50.0, 60.0)
          : new TrendPoint(start.plusSeconds(3600L * h), 0, null, null));
    }

    String out = TrendTable.format("PRK", points, TrendInterval.HOUR);

    assertThat(out.lines().filter(l -> l.startsWith("2026-"))).containsExactly(
        "2026-11-21 05:00         3    50.0    60.0", "2026-11-22 16:00         3    50.0    60.0");
    assertThat(out).contains("(46 empty buckets not listed)");
    assertThat(out.lines().filter(l -> l.startsWith("volume")).findFirst().orElseThrow()).hasSize(9 + 48);
  }

  @Test
  void searchRequestFiltersByActorTopicLevelAndTime() {
    SearchQuery q = new SearchQuery("missile launch", List.of("PRK"), List.of("nuclear"), TensionLevel.HIGH,
        Duration.ofHours(24), 5);

    String json = JsonpUtils.toJsonString(ArticleSearch.request(q, NOW), new JacksonJsonpMapper());

    assertThat(json).contains("\"actor_ids\":[\"PRK\"]", "\"topics\":[\"nuclear\"]",
        "\"tension.level\":[\"HIGH\",\"SEVERE\"]", "\"gte\":\"2026-11-22T06:00:00Z\"", "\"query\":\"missile\"", "\"query\":\"launch\"",
        "\"size\":5", "\"order\":\"desc\"");
  }

  @Test
  void levelFilterMeansThisLevelOrAbove() {
    assertThat(new SearchQuery(null, null, null, TensionLevel.ELEVATED, null, 1).levels())
        .containsExactly("ELEVATED", "HIGH", "SEVERE");
    assertThat(new SearchQuery(null, null, null, null, null, 1).levels()).isEmpty();
  }
}
