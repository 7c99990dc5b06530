package org.watchfloor.feeds.parse;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.impl.Atom10Parser;
import com.rometools.rome.io.impl.DateParser;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import org.jdom2.Element;

/**
 * Rome's Atom 1.0 parser with faster entry dates: {@code published} and {@code updated} in the RFC 3339 form Atom
 * requires are read with the shared {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}; anything else still goes to
 * Rome's lenient parser. Registered in {@code rome.properties}, replacing Rome's own {@code atom_1.0} parser.
 */
public class FastAtom10Parser extends Atom10Parser {

  @Override
  protected Entry parseEntry(Feed feed, Element eEntry, String baseURI, Locale locale) {
    String published = take(eEntry, "published");
    String updated = take(eEntry, "updated");
    Entry entry = super.parseEntry(feed, eEntry, baseURI, locale);
    if (published != null) {
      entry.setPublished(parseDate(published, locale));
    }
    if (updated != null) {
      entry.setUpdated(parseDate(updated, locale));
    }
    return entry;
  }

  private String take(Element eEntry, String name) {
    Element e = eEntry.getChild(name, getAtomNamespace());
    if (e == null) {
      return null;
    }
    eEntry.removeContent(e);
    return e.getText();
  }

  static Date parseDate(String text, Locale locale) {
    String t = text.trim();
    try {
      return Date.from(OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      // Not strict RFC 3339 (no seconds, no offset, ...): Rome's lenient W3C masks decide.
      return DateParser.parseW3CDateTime(t, locale);
    }
  }
}
