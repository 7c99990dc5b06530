package org.watchfloor.pages.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses the date formats article pages use in metadata; times without a zone are taken as UTC. */
final class DateParser {
  private DateParser() {}

  private static final Pattern OFFSET_NO_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
  private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");

  private static final List<DateTimeFormatter> ZONED = List.of(
      DateTimeFormatter.RFC_1123_DATE_TIME,
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("EEE, d MMM yyyy HH:mm[:ss] zzz")
          .toFormatter(Locale.ENGLISH),
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMMM d, yyyy h:mm a zzz")
          .toFormatter(Locale.ENGLISH));

  private static final List<DateTimeFormatter> LOCAL_DATES = List.of(
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMMM d, yyyy").toFormatter(Locale.ENGLISH),
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMMM yyyy").toFormatter(Locale.ENGLISH),
      DateTimeFormatter.ofPattern("yyyy/MM/dd"),
      DateTimeFormatter.ofPattern("yyyyMMdd"));

  /** Returns the instant the text denotes, or null when it is not a date this parser knows. */
  static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.trim();
    if (s.isEmpty() || s.length() > 60) {
      return null;
    }
    if (EPOCH.matcher(s).matches()) {
      long v = Long.parseLong(s);
      return s.length() == 13 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
    }
    String iso = s.replace(' ', 'T');
    if (iso.length() > 10 && iso.charAt(4) == '-') {
      iso = OFFSET_NO_COLON.matcher(iso).replaceFirst("$1:$2");
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException e) {
        // not with an offset; try without one below
      }
      try {
        return ZonedDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException e) {
        // try a local time below
      }
      try {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // try the other formats below
      }
    }
    if (s.length() == 10 && s.charAt(4) == '-') {
      try {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    for (DateTimeFormatter f : ZONED) {
      try {
        return ZonedDateTime.parse(s, f).toInstant();
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    for (DateTimeFormatter f : LOCAL_DATES) {
      try {
        return LocalDate.parse(s, f).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    return null;
  }
}
