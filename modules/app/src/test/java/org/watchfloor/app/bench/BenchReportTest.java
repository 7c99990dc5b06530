package org.watchfloor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Json;

class BenchReportTest {
  @TempDir Path dir;

  private static BenchResult result() {
    return new BenchResult(Instant.parse("2026-11-23T06:00:00Z"),
        new BenchResult.Machine(2, 4096, "17", 1.5),
        new BenchResult.Settings(500, 60, 30000, 50, 100, "1s"),
        new BenchResult.Counts(30000, 30000, 29990, 300, 300, 300, 0, 10, true),
        new BenchResult.Throughput(500, 498, 497, 497),
        new Percentiles(600, 900, 1400, 2100, 2500), new Percentiles(300, 400, 700, 900, 1000),
        new BenchResult.Memory(1200, 800, 2000),
        new BenchResult.Baseline(20000, 10000, 5000),
        new BenchResult.Ratios(0.0497, 0.0996),
        List.of(new BenchResult.Sample(1.0, 500, 400, 300, 2, 700, 1100, 790),
            new BenchResult.Sample(2.0, 1000, 900, 800, 7, 1234, 1150, 800)),
        new BenchResult.WarmUp("steady", true, 74.2, 37000, 10, List.of(300.0, 480.0, 495.0, 500.0, 498.0)),
        new BenchResult.ColdStart(60, 410, new Percentiles(5, 800, 1500, 4900, 4900)),
        List.of(new CpuBreakdown.Share("Elasticsearch", 50.5, 84.2),
            new CpuBreakdown.Share("Elasticsearch: of which JIT compiler", 3.0, 5.0),
            new CpuBreakdown.Share("enricher", 30.0, 50.0)),
        List.of("a note"));
  }

  @Test
  void markdownShowsTheFiguresAgainstTheTargets() {
    String md = BenchReport.markdown(result());
    assertThat(md).contains("| raw -> searchable p50 / p95 / p99 (ms) | 900 / 1400 / 2100 (n=600) | p99 <= 3000")
        .contains("| peak RSS launcher JVM / Elasticsearch / total (MB) | 1200 / 800 / 2000 |")
        .contains("| max consumer lag (records) | 1234 |")
        .contains("| end to end / produce+consume | 0.05 |")
        .contains("| first 60 s after a cold start: enrich (articles/s); raw -> alert delivered p50 / p99 (ms) "
            + "| 410; 800 / 4900 (n=5) |")
        .contains("| warm-up | steady, 37000 articles in 74 s, steady |")
        .contains("| Elasticsearch | 50.5 | 84 |\n| Elasticsearch: of which JIT compiler | 3.0 | 5 |\n| enricher | 30.0 | 50 |")
        .contains("- a note");
  }

  @Test
  void writesJsonThatReadsBackAndMarkdownBesideIt() throws Exception {
    Path json = BenchReport.write(result(), dir.resolve("out"));
    assertThat(json.getFileName().toString()).isEqualTo("bench-20261123-060000.json");
    assertThat(Files.readString(dir.resolve("out/bench-20261123-060000.md"))).contains("| measure | value |");
    var tree = Json.MAPPER.readTree(json.toFile());
    assertThat(tree.path("raw_to_searchable_ms").path("p99").asLong()).isEqualTo(2100);
    assertThat(tree.path("timeline")).hasSize(2);
    assertThat(tree.path("baseline").path("produce_consume_per_second").asDouble()).isEqualTo(10000);
  }
}
