package org.watchfloor.enricher;

import org.watchfloor.model.RawArticle;

/** The time an article's story happened: its published time, never later than when it reached Kafka. */
public final class EventTime {
  private EventTime() {}

  /**
   * The published time, clamped to the record timestamp so that a feed with a wrong time zone cannot push an article
   * into the future; the record timestamp when the article has no published time.
   */
  public static long of(RawArticle article, long recordTimestamp) {
    if (article == null || article.published() == null) {
      return recordTimestamp;
    }
    return Math.min(article.published().toEpochMilli(), recordTimestamp);
  }
}
