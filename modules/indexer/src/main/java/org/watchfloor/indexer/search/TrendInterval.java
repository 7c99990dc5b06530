package org.watchfloor.indexer.search;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;

/** The bucket size of a trend. */
public enum TrendInterval {
  HOUR(CalendarInterval.Hour), DAY(CalendarInterval.Day);

  private final CalendarInterval calendar;

  TrendInterval(CalendarInterval calendar) {
    this.calendar = calendar;
  }

  CalendarInterval calendar() {
    return calendar;
  }
}
