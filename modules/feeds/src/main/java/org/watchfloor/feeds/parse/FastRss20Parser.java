package org.watchfloor.feeds.parse;

import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.impl.DateParser;
import com.rometools.rome.io.impl.RSS20Parser;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import org.jdom2.Element;

/**
 * Rome's RSS 2.0 parser with a faster item date: Rome builds a new {@code SimpleDateFormat} for every date it reads,
 * which was close to half the cost of parsing a feed; the common RFC 1123 form is read with one shared
 * {@link DateTimeFormatter} and anything else still goes to Rome's lenient parser. Registered in
 * {@code rome.properties}, replacing Rome's own {@code rss_2.0} parser.
 */
public class FastRss20Parser extends RSS20Parser {

  @Override
  public Item parseItem(Element rssRoot, Element eItem, Locale locale) {
    Element pubDate = eItem.getChild("pubDate", getRSSNamespace());
    String text = null;
    if (pubDate != null) {
      text = pubDate.getText();
      eItem.removeContent(pubDate);
    }
    Item item = super.parseItem(rssRoot, eItem, locale);
    if (text != null) {
      Date date = parseDate(text, locale);
      item.setPubDate(date);
    }
    return item;
  }

  static Date parseDate(String text, Locale locale) {
    String t = text.trim();
    try {
      return Date.from(ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      // Not strict RFC 1123 (a zone name such as EST, two-digit year, ...): Rome's lenient masks decide.
      return DateParser.parseDate(t, locale);
    }
  }
}
