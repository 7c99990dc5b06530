package org.watchfloor.feeds.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words why a well-formed XML document is not a readable feed, from its root element and the elements
 * its format requires; used when Rome rejects a document, so that the user reads what is missing rather than the
 * text of the exception Rome threw.
 */
final class FeedStructure {
  private static final Pattern ROOT = Pattern.compile(
      "<(?![?!])([A-Za-z_][-A-Za-z0-9._]*(?::[A-Za-z_][-A-Za-z0-9._]*)?)");

  private static final Pattern CHANNEL = Pattern.compile("<(?:[A-Za-z_][-A-Za-z0-9._]*:)?channel[\\s>/]");

  private FeedStructure() {}

  static String describe(String text) {
    String root = rootElement(text);
    if (root == null) {
      return "the document has no root element";
    }
    String local = root.contains(":") ? root.substring(root.indexOf(':') + 1) : root;
    String lower = local.toLowerCase(Locale.ROOT);
    boolean hasChannel = CHANNEL.matcher(text).find();
    switch (lower) {
      case "rss":
        return hasChannel
            ? "the RSS document's <channel> element could not be read as RSS"
            : "an RSS document needs a <channel> element inside <rss>, and this one has none";
      case "rdf":
        return hasChannel
            ? "the RDF (RSS 1.0) document's <channel> element could not be read as RSS 1.0"
            : "an RDF (RSS 1.0) document needs a <channel> element, and this one has none";
      case "feed":
        return "the Atom document could not be read: check that <feed> uses the Atom namespace "
            + "(http://www.w3.org/2005/Atom) and that its entries are <entry> elements";
      default:
        return "the root element is <" + root + ">, where a feed has <rss>, <feed> (Atom) or <rdf:RDF>";
    }
  }

  /** The name of the first element, or null; the name is limited to XML name characters, so safe to print. */
  static String rootElement(String text) {
    Matcher m = ROOT.matcher(text);
    if (!m.find()) {
      return null;
    }
    String name = m.group(1);
    return name.length() > 60 ? name.substring(0, 60) : name;
  }
}
