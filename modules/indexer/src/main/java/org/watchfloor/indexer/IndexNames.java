package org.watchfloor.indexer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The index, alias and template names, defined once; articles live in monthly indices behind one alias. */
public final class IndexNames {
  private IndexNames() {}

  /** Alias over every monthly article index: search and Kibana use it. */
  public static final String ARTICLES = "watchfloor-articles";
  /** Alias over the alerts index. */
  public static final String ALERTS = "watchfloor-alerts";
  /** Alias over the hourly aggregates index. */
  public static final String AGGREGATES = "watchfloor-aggregates";

  /** The one concrete alerts index: alert updates address it directly. */
  public static final String ALERTS_INDEX = "watchfloor-alerts-v1";
  /** The one concrete aggregates index. */
  public static final String AGGREGATES_INDEX = "watchfloor-aggregates-v1";

  /**
   * The one index of articles without a publication date, under the same alias: their fetch time changes at every
   * re-fetch, so a monthly index chosen by it would hold a second copy after a month turned (ADR 4).
   */
  public static final String UNDATED_ARTICLES = ARTICLES + "-undated";

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

  /** The monthly backing index an article with this timestamp belongs to, e.g. {@code watchfloor-articles-2026.11}. */
  public static String articlesIndex(Instant timestamp) {
    return ARTICLES + "-" + MONTH.format(timestamp);
  }
}
