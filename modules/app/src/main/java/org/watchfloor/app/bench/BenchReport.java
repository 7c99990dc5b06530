package org.watchfloor.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.watchfloor.model.Json;

/** Writes a {@link BenchResult} as JSON and as the short Markdown table the README's Performance section quotes. */
public final class BenchReport {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private BenchReport() {}

  /** Writes {@code bench-<time>.json} and {@code bench-<time>.md} into {@code dir}; returns the JSON file. */
  public static Path write(BenchResult r, Path dir) {
    try {
      Files.createDirectories(dir);
      String stamp = STAMP.format(r.startedAt());
      Path json = dir.resolve("bench-" + stamp + ".json");
      Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), r);
      Files.writeString(dir.resolve("bench-" + stamp + ".md"), markdown(r));
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark results to " + dir, e);
    }
  }

  public static String markdown(BenchResult r) {
    StringBuilder sb = new StringBuilder();
    BenchResult.Settings s = r.settings();
    sb.append(String.format(Locale.ROOT, "Benchmark %s: %d articles at %s/s, %d cores, load average %.1f at start%n%n",
        r.startedAt(), s.articles(), s.rate() <= 0 ? "max" : fmt(s.rate()), r.machine().cores(),
        r.machine().loadAverageAtStart()));
    sb.append("| measure | value | target |\n|---|---|---|\n");
    BenchResult.Throughput t = r.throughput();
    row(sb, "produce (articles/s)", fmt(t.produce()), "");
    row(sb, "enrich (articles/s)", fmt(t.enrich()), "");
    row(sb, "index, end to end raw -> Elasticsearch (articles/s)", fmt(t.endToEnd()), ">= 2000");
    Percentiles p = r.rawToSearchableMs();
    row(sb, "raw -> searchable p50 / p95 / p99 (ms)", p.p50() + " / " + p.p95() + " / " + p.p99()
        + " (n=" + p.count() + ")", "p99 <= 3000 at 500/s");
    Percentiles a = r.rawToAlertDeliveredMs();
    row(sb, "raw -> alert delivered p50 / p95 / p99 (ms)", a.p50() + " / " + a.p95() + " / " + a.p99()
        + " (n=" + a.count() + ")", "");
    BenchResult.Memory m = r.peakRssMb();
    row(sb, "peak RSS launcher JVM / Elasticsearch / total (MB)", m.launcher() + " / " + m.elasticsearch() + " / "
        + m.total(), "total < 2560");
    long maxLag = r.timeline().stream().mapToLong(BenchResult.Sample::lag).max().orElse(-1);
    row(sb, "max consumer lag (records)", Long.toString(maxLag), "");
    BenchResult.Baseline b = r.baseline();
    row(sb, "baseline produce+consume (articles/s)", fmt(b.produceConsumePerSecond()), "");
    row(sb, "baseline pass-through EOS Streams (articles/s)", fmt(b.passThroughStreamsPerSecond()), "");
    row(sb, "end to end / produce+consume", String.format(Locale.ROOT, "%.2f", r.ratios().endToEndOverProduceConsume()),
        "");
    row(sb, "enrich / pass-through Streams", String.format(Locale.ROOT, "%.2f", r.ratios().enrichOverPassThrough()),
        "");
    BenchResult.Counts c = r.counts();
    row(sb, "produced / enriched / indexed / dead letters", c.produced() + " / " + c.enriched() + " / " + c.indexed()
        + " / " + c.deadLetters(), "");
    row(sb, "alerts expected / delivered / duplicated", c.alertsExpected() + " / " + c.alertsDelivered() + " / "
        + c.alertDuplicates(), "");
    BenchResult.ColdStart cold = r.coldStart();
    if (cold != null) {
      Percentiles ca = cold.rawToAlertDeliveredMs();
      row(sb, String.format(Locale.ROOT, "first %.0f s after a cold start: enrich (articles/s); raw -> alert "
          + "delivered p50 / p99 (ms)", cold.seconds()), fmt(cold.enrichPerSecond()) + "; " + ca.p50() + " / "
          + ca.p99() + " (n=" + ca.count() + ")", "p99 <= 2000 at 200/s");
    }
    BenchResult.WarmUp w = r.warmUp();
    if (w != null) {
      row(sb, "warm-up", String.format(Locale.ROOT, "%s, %d articles in %.0f s, %s", w.mode(), w.articles(),
          w.seconds(), w.mode().equals("steady") ? (w.steady() ? "steady" : "NOT STEADY") : "not judged"), "");
    }
    if (r.cpu() != null && !r.cpu().isEmpty()) {
      sb.append("\nWhere the CPU went during the measurement (100 % = one core busy for the whole time):\n\n");
      sb.append("| component | CPU s | % of one core |\n|---|---|---|\n");
      for (CpuBreakdown.Share share : r.cpu()) {
        sb.append("| ").append(share.component()).append(" | ")
            .append(String.format(Locale.ROOT, "%.1f", share.cpuSeconds())).append(" | ")
            .append(String.format(Locale.ROOT, "%.0f", share.percentOfOneCore())).append(" |\n");
      }
    }
    for (String note : r.notes()) {
      sb.append("\n- ").append(note);
    }
    sb.append('\n');
    return sb.toString();
  }

  private static void row(StringBuilder sb, String name, String value, String target) {
    sb.append("| ").append(name).append(" | ").append(value).append(" | ").append(target).append(" |\n");
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }
}
