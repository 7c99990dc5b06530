package org.watchfloor.indexer.search;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Renders a trend: sparklines for volume and max tension, then one row per bucket. */
public final class TrendTable {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  /** Series longer than this list only their non-empty buckets. */
  static final int MAX_FULL_ROWS = 31;

  private TrendTable() {}

  public static String format(String actor, List<TrendPoint> points, TrendInterval interval) {
    double[] volume = new double[points.size()];
    double[] tension = new double[points.size()];
    long total = 0;
    double peak = Double.NaN;
    for (int i = 0; i < points.size(); i++) {
      TrendPoint p = points.get(i);
      volume[i] = p.count();
      tension[i] = p.maxTension() == null ? 0 : p.maxTension();
      total += p.count();
      if (p.maxTension() != null && (Double.isNaN(peak) || p.maxTension() > peak)) {
        peak = p.maxTension();
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s: %d articles in %d %s buckets%s%n", actor, total, points.size(),
        interval.name().toLowerCase(Locale.ROOT),
        Double.isNaN(peak) ? "" : String.format(Locale.ROOT, ", peak tension %.1f", peak)));
    sb.append("volume   ").append(SparklineFormatter.sparkline(volume)).append('\n');
    sb.append("tension  ").append(SparklineFormatter.sparkline(tension)).append('\n');
    sb.append('\n');
    DateTimeFormatter fmt = interval == TrendInterval.HOUR ? HOUR : DAY;
    sb.append(String.format(Locale.ROOT, "%-16s  %8s  %6s  %6s%n", "BUCKET (UTC)", "ARTICLES", "MEAN", "MAX"));
    // a long hourly series is mostly empty hours: list only the busy ones, the sparklines show the gaps
    boolean skipEmpty = points.size() > MAX_FULL_ROWS;
    int skipped = 0;
    for (TrendPoint p : points) {
      if (skipEmpty && p.count() == 0) {
        skipped++;
        continue;
      }
      sb.append(String.format(Locale.ROOT, "%-16s  %8d  %6s  %6s%n", fmt.format(p.start()), p.count(),
          number(p.meanTension()), number(p.maxTension())));
    }
    if (skipped > 0) {
      sb.append(String.format(Locale.ROOT, "(%d empty buckets not listed)%n", skipped));
    }
    return sb.toString();
  }

  private static String number(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }
}
