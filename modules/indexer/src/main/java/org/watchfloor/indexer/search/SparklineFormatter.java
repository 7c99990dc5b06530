package org.watchfloor.indexer.search;

/** Draws a series of values as a one-line terminal sparkline with the eight block characters. */
public final class SparklineFormatter {
  private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

  private SparklineFormatter() {}

  /**
   * One character per value, scaled between the series' minimum and maximum; an all-equal series draws the lowest bar
   * (or the highest when every value is positive, so that "steady traffic" and "nothing" look different); a zero draws
   * a space when others are positive, so gaps show.
   */
  public static String sparkline(double[] values) {
    if (values.length == 0) {
      return "";
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    StringBuilder sb = new StringBuilder(values.length);
    for (double v : values) {
      if (!Double.isFinite(v)) {
        sb.append(' ');
      } else if (max == min) {
        sb.append(v > 0 ? BARS[BARS.length - 1] : BARS[0]);
      } else if (v == 0 && min >= 0) {
        sb.append(' ');
      } else {
        int i = (int) Math.round((v - min) / (max - min) * (BARS.length - 1));
        sb.append(BARS[Math.max(0, Math.min(BARS.length - 1, i))]);
      }
    }
    return sb.toString();
  }
}
