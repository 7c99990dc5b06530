package org.watchfloor.indexer.search;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Renders search hits as a fixed-width table: time, level, actors, title, source. */
public final class ArticleTable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  static final int TIME_WIDTH = 16;
  static final int LEVEL_WIDTH = 8;
  static final int ACTORS_WIDTH = 16;
  static final int SOURCE_WIDTH = 18;
  static final int MIN_TITLE_WIDTH = 20;

  private ArticleTable() {}

  /** The table for {@code hits}, at most {@code width} characters per line, with a one-line footer. */
  public static String format(List<ArticleHit> hits, int width) {
    int titleWidth = Math.max(MIN_TITLE_WIDTH,
        width - TIME_WIDTH - LEVEL_WIDTH - ACTORS_WIDTH - SOURCE_WIDTH - 4 * 2);
    StringBuilder sb = new StringBuilder();
    row(sb, "TIME (UTC)", "LEVEL", "ACTORS", "TITLE", "SOURCE", titleWidth);
    for (ArticleHit h : hits) {
      String time = h.timestamp() == null ? "-" : TIME.format(h.timestamp());
      String level = h.level() == null ? "-" : h.level();
      String actors = h.actors().isEmpty() ? "-" : String.join(",", h.actors());
      row(sb, time, level, actors, h.title() == null ? "(untitled)" : h.title(),
          h.source() == null ? "-" : h.source(), titleWidth);
    }
    sb.append(hits.size()).append(hits.size() == 1 ? " article" : " articles").append(", newest first\n");
    return sb.toString();
  }

  private static void row(StringBuilder sb, String time, String level, String actors, String title, String source,
      int titleWidth) {
    sb.append(cell(time, TIME_WIDTH)).append("  ")
        .append(cell(level, LEVEL_WIDTH)).append("  ")
        .append(cell(actors, ACTORS_WIDTH)).append("  ")
        .append(cell(title, titleWidth)).append("  ")
        .append(cell(source, SOURCE_WIDTH).stripTrailing()).append('\n');
  }

  /** {@code text} on one line, cut with an ellipsis or padded to exactly {@code width} characters. */
  static String cell(String text, int width) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    if (oneLine.length() > width) {
      return oneLine.substring(0, width - 1) + "…";
    }
    return oneLine + " ".repeat(width - oneLine.length());
  }
}
