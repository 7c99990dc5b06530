package org.watchfloor.pages.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the main text of an article page, readability-style: boilerplate removed by tag, role and class/id hints,
 * paragraphs scored by length and commas into their ancestors, the best ancestor chosen with its related siblings,
 * then its text emitted block by block with link-heavy blocks dropped.
 */
final class ContentExtractor {
  private ContentExtractor() {}

  private static final Set<String> JUNK_TAGS = Set.of(
      "script", "style", "noscript", "iframe", "svg", "template", "object", "embed", "canvas", "button", "input",
      "select", "textarea", "link", "meta", "figcaption", "nav", "aside", "footer", "dialog", "menu", "video",
      "audio", "picture", "map");
  private static final Set<String> JUNK_ROLES = Set.of(
      "navigation", "complementary", "banner", "contentinfo", "dialog", "alertdialog", "menu", "menubar", "search",
      "toolbar");
  /** Hints that mark boilerplate even next to a positive word ({@code article-comments}, {@code related-content}). */
  private static final Pattern STRONG_NEGATIVE = Pattern.compile(
      "comment|disqus|cookie|consent|gdpr|onetrust|didomi|cookiebot|usercentrics|newsletter|paywall|subscribe"
          + "|signup|sign-up|outbrain|taboola|advert|sponsor|promo|recommend|related|trending|most-?read"
          + "|most-?popular|more-?stories|read-?more|share|sharing|social|shoutbox|skyscraper|sp_message|qc-cmp"
          + "|author-?bio|about-?the-?author|newsfeed-?teaser|piano|tp-container|offer");
  /** Short words that mark boilerplate as whole tokens only ({@code ad} but not {@code head}). */
  private static final Set<String> NEGATIVE_TOKENS = Set.of(
      "ad", "ads", "adslot", "adunit", "advertisement", "banner", "breadcrumb", "breadcrumbs", "byline", "caption",
      "credit", "credits", "extra", "footer", "header", "masthead", "menu", "modal", "nav", "navbar", "navigation",
      "overlay", "pager", "pagination", "popup", "rss", "sidebar", "sticky", "tags", "tag", "teaser", "toolbar",
      "widget", "meta", "dateline", "timestamp", "kicker", "topics", "print", "toc", "lightbox", "counter",
      "hidden", "sr", "visually", "skip");
  private static final Pattern MAYBE = Pattern.compile("article|body|content|main|story|entry|post|text|prose|column");
  private static final Pattern POSITIVE = Pattern.compile(
      "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|richtext|live");
  private static final Pattern NEGATIVE = Pattern.compile(
      "hidden|banner|combx|comment|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related"
          + "|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|nav|menu|teaser|card");
  private static final Pattern COMMENT_ACTIONS = Pattern.compile(
      "(?i)reply|respond|report|report abuse|flag|like|답글|답장|신고|返信|回复|antworten|répondre|responder");
  private static final Pattern TOKEN_SPLIT = Pattern.compile("[\\s_\\-]+");
  private static final Set<String> BOILERPLATE_LINES = Set.of(
      "advertisement", "ad", "sponsored", "share", "share this", "share this article", "share on facebook",
      "share on twitter", "tweet", "email", "print", "read more", "continue reading", "story continues below",
      "story continues below advertisement", "article continues below", "scroll to continue", "click here",
      "skip advertisement", "related", "related articles", "related stories", "loading...", "loading",
      "show more", "view comments", "comments", "copy link", "link copied");
  private static final Set<String> BLOCK_TAGS = Set.of(
      "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
      "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "figure", "header", "address", "hr",
      "br", "form", "fieldset", "details", "summary", "center");
  private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote", "dd", "li");

  /** Per-element counts gathered in one pass, so no subtree's text is computed twice. */
  private static final class Stats {
    int text;
    int links;
    int paragraphText;
    double score;
    boolean scored;
  }

  static String extract(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return "";
    }
    removeJunk(body);
    Map<Element, Stats> stats = measure(body);
    removeUnlikely(body, stats);
    removeDiscussion(body, stats);
    stats = measure(body);
    List<Element> content = pickContent(body, stats);
    StringBuilder out = new StringBuilder();
    for (Element e : content) {
      emitBlocks(e, out);
    }
    return out.toString();
  }

  private static void removeJunk(Element body) {
    List<Element> doomed = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (e == body) {
        continue;
      }
      String tag = e.normalName();
      if (JUNK_TAGS.contains(tag)) {
        doomed.add(e);
        continue;
      }
      if (e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden"))) {
        doomed.add(e);
        continue;
      }
      String style = e.attr("style");
      if (!style.isEmpty()) {
        String st = style.toLowerCase(Locale.ROOT).replace(" ", "");
        if (st.contains("display:none") || st.contains("visibility:hidden")) {
          doomed.add(e);
          continue;
        }
      }
      String role = e.attr("role");
      if (!role.isEmpty() && JUNK_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
        doomed.add(e);
      }
    }
    for (Element e : doomed) {
      e.remove();
    }
  }

  private static void removeUnlikely(Element body, Map<Element, Stats> stats) {
    int total = stats.get(body).paragraphText;
    List<Element> doomed = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (e == body || e.parent() == null) {
        continue;
      }
      String tag = e.normalName();
      if ("a".equals(tag) || "main".equals(tag) || "p".equals(tag)) {
        continue;
      }
      boolean header = "header".equals(tag) || "form".equals(tag);
      String hints = hints(e);
      boolean negative = header;
      if (!hints.isEmpty() && !negative) {
        negative = STRONG_NEGATIVE.matcher(hints).find() || (hasNegativeToken(hints) && !MAYBE.matcher(hints).find());
      }
      if (!negative) {
        continue;
      }
      Stats s = stats.get(e);
      // Never throw away the bulk of the page's paragraphs because a wrapper has an unlucky class name.
      if (s != null && total > 0 && s.paragraphText > total * 0.5) {
        continue;
      }
      doomed.add(e);
    }
    for (Element e : doomed) {
      if (e.parent() != null) {
        e.remove();
      }
    }
  }

  /**
   * Removes reader comments that carry no class or id hints, recognised by their structure: two or more sibling
   * blocks, each holding paragraph text and its own "Reply" (or "Report", "Like") link.
   */
  private static void removeDiscussion(Element body, Map<Element, Stats> stats) {
    int total = stats.get(body).paragraphText;
    Map<Element, List<Element>> byParent = new IdentityHashMap<>();
    for (Element a : body.getElementsByTag("a")) {
      if (!COMMENT_ACTIONS.matcher(a.text().strip()).matches()) {
        continue;
      }
      Element item = a.parent();
      while (item != null && item != body) {
        Stats s = stats.get(item);
        if (s != null && s.paragraphText >= 25) {
          break;
        }
        item = item.parent();
      }
      if (item == null || item == body || item.parent() == null) {
        continue;
      }
      List<Element> siblings = byParent.computeIfAbsent(item.parent(), k -> new ArrayList<>());
      if (!siblings.contains(item)) {
        siblings.add(item);
      }
    }
    for (List<Element> items : byParent.values()) {
      if (items.size() < 2) {
        continue;
      }
      int text = 0;
      for (Element item : items) {
        text += stats.get(item).paragraphText;
      }
      // A thread that holds nearly all the page's paragraphs is more likely the story itself, oddly marked up.
      if (text > total * 0.9) {
        continue;
      }
      for (Element item : items) {
        item.remove();
      }
    }
  }

  private static String hints(Element e) {
    String cls = e.className();
    String id = e.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return "";
    }
    return (cls + " " + id).toLowerCase(Locale.ROOT);
  }

  private static boolean hasNegativeToken(String hints) {
    for (String token : TOKEN_SPLIT.split(hints)) {
      if (NEGATIVE_TOKENS.contains(token)) {
        return true;
      }
    }
    return false;
  }

  /** Text, link-text and paragraph-text lengths of every element, bottom up, in one traversal. */
  private static Map<Element, Stats> measure(Element root) {
    Map<Element, Stats> stats = new IdentityHashMap<>();
    NodeTraversor.traverse(new NodeVisitor() {
      int linkDepth;
      int paragraphDepth;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element el) {
          stats.put(el, new Stats());
          if ("a".equals(el.normalName())) {
            linkDepth++;
          }
          if ("p".equals(el.normalName())) {
            paragraphDepth++;
          }
        } else if (node instanceof TextNode t && node.parent() instanceof Element parent) {
          int len = visibleLength(t.getWholeText());
          Stats s = stats.get(parent);
          if (s != null) {
            s.text += len;
            if (linkDepth > 0) {
              s.links += len;
            }
            if (paragraphDepth > 0) {
              s.paragraphText += len;
            }
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element el) {
          if ("a".equals(el.normalName())) {
            linkDepth--;
          }
          if ("p".equals(el.normalName())) {
            paragraphDepth--;
          }
          Element parent = el.parent();
          Stats s = stats.get(el);
          Stats ps = parent == null ? null : stats.get(parent);
          if (ps != null && s != null) {
            ps.text += s.text;
            ps.links += s.links;
            ps.paragraphText += s.paragraphText;
          }
        }
      }
    }, root);
    return stats;
  }

  private static int visibleLength(String s) {
    int n = 0;
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        if (!space) {
          n++;
          space = true;
        }
      } else {
        n++;
        space = false;
      }
    }
    return n;
  }

  private static List<Element> pickContent(Element body, Map<Element, Stats> stats) {
    List<Element> candidates = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      String tag = e.normalName();
      boolean paragraph = PARAGRAPH_TAGS.contains(tag) || ("div".equals(tag) && hasOwnText(e, 25));
      if (!paragraph) {
        continue;
      }
      if ("li".equals(tag) || "td".equals(tag) || "blockquote".equals(tag)) {
        if (e.selectFirst("p") != null) {
          continue;
        }
      }
      String text = e.ownText().length() >= 25 ? e.ownText() : e.text();
      int len = text.length();
      if (len < 25) {
        continue;
      }
      Stats own = stats.get(e);
      if (own != null && own.text > 0 && own.links > own.text * 0.5) {
        continue;
      }
      double score = 1 + countCommas(text) + Math.min(len / 100.0, 3);
      Element ancestor = "div".equals(tag) ? e : e.parent();
      for (int level = 0; ancestor != null && level < 5; level++) {
        Stats s = stats.get(ancestor);
        if (s == null) {
          break;
        }
        if (!s.scored) {
          s.scored = true;
          s.score = initialScore(ancestor);
          candidates.add(ancestor);
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        s.score += score / divider;
        if (ancestor == body) {
          break;
        }
        ancestor = ancestor.parent();
      }
    }
    if (candidates.isEmpty()) {
      return List.of(body);
    }
    for (Element c : candidates) {
      Stats s = stats.get(c);
      s.score *= 1 - linkDensity(s);
    }
    candidates.sort(Comparator.comparingDouble((Element c) -> stats.get(c).score).reversed());
    Element top = candidates.get(0);
    top = promoteCommonAncestor(top, candidates, stats, body);
    top = climb(top, stats, body);
    return withSiblings(top, stats);
  }

  /** When several strong candidates share an ancestor with the best one (live blogs, columns), take the ancestor. */
  private static Element promoteCommonAncestor(Element top, List<Element> candidates, Map<Element, Stats> stats,
      Element body) {
    double topScore = stats.get(top).score;
    List<Element> alternatives = new ArrayList<>();
    for (int i = 1; i < candidates.size() && i < 5; i++) {
      if (stats.get(candidates.get(i)).score / topScore >= 0.75) {
        alternatives.add(candidates.get(i));
      }
    }
    if (alternatives.size() < 3) {
      return top;
    }
    Element parent = top.parent();
    while (parent != null && parent != body) {
      int containing = 0;
      for (Element alt : alternatives) {
        if (isAncestor(parent, alt)) {
          containing++;
        }
      }
      if (containing >= 3) {
        return parent;
      }
      parent = parent.parent();
    }
    return top;
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static Element climb(Element top, Map<Element, Stats> stats, Element body) {
    double last = stats.get(top).score;
    double threshold = last / 3;
    Element parent = top.parent();
    while (parent != null && parent != body) {
      Stats ps = stats.get(parent);
      if (ps == null || !ps.scored) {
        parent = parent.parent();
        continue;
      }
      if (ps.score < threshold) {
        break;
      }
      if (ps.score > last) {
        return parent;
      }
      last = ps.score;
      parent = parent.parent();
    }
    return top;
  }

  private static List<Element> withSiblings(Element top, Map<Element, Stats> stats) {
    Element parent = top.parent();
    if (parent == null) {
      return List.of(top);
    }
    double topScore = stats.get(top).score;
    double threshold = Math.max(10, topScore * 0.2);
    String topClass = top.className();
    List<Element> out = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        out.add(sibling);
        continue;
      }
      Stats s = stats.get(sibling);
      if (s == null) {
        continue;
      }
      double bonus = !topClass.isEmpty() && topClass.equals(sibling.className()) ? topScore * 0.2 : 0;
      if (s.scored && s.score + bonus >= threshold) {
        out.add(sibling);
      } else if ("p".equals(sibling.normalName())) {
        double density = linkDensity(s);
        String text = sibling.text();
        if ((s.text > 80 && density < 0.25)
            || (s.text > 0 && s.text <= 80 && density == 0 && text.matches(".*[.!?]\\s*$"))) {
          out.add(sibling);
        }
      }
    }
    return out;
  }

  private static double linkDensity(Stats s) {
    return s.text == 0 ? 0 : (double) s.links / s.text;
  }

  private static double initialScore(Element e) {
    double score = switch (e.normalName()) {
      case "div", "article", "main", "section" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    return score + classWeight(e);
  }

  private static double classWeight(Element e) {
    double weight = 0;
    String cls = e.className().toLowerCase(Locale.ROOT);
    if (!cls.isEmpty()) {
      if (NEGATIVE.matcher(cls).find()) {
        weight -= 25;
      }
      if (POSITIVE.matcher(cls).find()) {
        weight += 25;
      }
    }
    String id = e.id().toLowerCase(Locale.ROOT);
    if (!id.isEmpty()) {
      if (NEGATIVE.matcher(id).find()) {
        weight -= 25;
      }
      if (POSITIVE.matcher(id).find()) {
        weight += 25;
      }
    }
    if ("article".equals(e.normalName()) || "main".equals(e.normalName())) {
      weight += 10;
    }
    return weight;
  }

  private static boolean hasOwnText(Element e, int min) {
    int n = 0;
    for (TextNode t : e.textNodes()) {
      n += visibleLength(t.getWholeText());
    }
    return n >= min;
  }

  private static int countCommas(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '，' || c == '、') {
        n++;
      }
    }
    return n;
  }

  /** Walks the chosen content and appends each text block, dropping link lists, timestamps and stock phrases. */
  private static void emitBlocks(Element root, StringBuilder out) {
    BlockWriter writer = new BlockWriter(out);
    NodeTraversor.traverse(writer, root);
    writer.flush();
  }

  /** Collects inline text into blocks; a block-level element ends the current block. */
  private static final class BlockWriter implements NodeVisitor {
    private final StringBuilder out;
    private final StringBuilder block = new StringBuilder();
    private int blockLinks;
    private int blockTime;
    private int linkDepth;
    private int timeDepth;
    private int skipDepth;

    BlockWriter(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element el) {
        String tag = el.normalName();
        if (skipDepth > 0 || "h1".equals(tag) || "img".equals(tag)) {
          skipDepth++;
          return;
        }
        if (BLOCK_TAGS.contains(tag)) {
          flush();
        }
        if ("a".equals(tag)) {
          linkDepth++;
        } else if ("time".equals(tag)) {
          timeDepth++;
        }
      } else if (node instanceof TextNode t && skipDepth == 0) {
        String text = t.getWholeText();
        int before = block.length();
        appendCollapsed(text);
        int added = block.length() - before;
        if (linkDepth > 0) {
          blockLinks += added;
        }
        if (timeDepth > 0) {
          blockTime += added;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element el) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        String tag = el.normalName();
        if ("a".equals(tag)) {
          linkDepth--;
        } else if ("time".equals(tag)) {
          timeDepth--;
        }
        if (BLOCK_TAGS.contains(tag)) {
          flush();
        }
      }
    }

    private void appendCollapsed(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c) || c == '\u00a0') {
          if (block.length() > 0 && block.charAt(block.length() - 1) != ' ') {
            block.append(' ');
          }
        } else {
          block.append(c);
        }
      }
    }

    void flush() {
      String text = block.toString().strip();
      int len = text.length();
      if (len > 0 && keep(text, len)) {
        if (out.length() > 0) {
          out.append("\n\n");
        }
        out.append(text);
      }
      block.setLength(0);
      blockLinks = 0;
      blockTime = 0;
    }

    private boolean keep(String text, int len) {
      if (blockTime >= len * 0.8) {
        return false;
      }
      if (blockLinks > len * 0.5 && len < 300) {
        return false;
      }
      String lower = text.toLowerCase(Locale.ROOT).replaceAll("[\\s:.…>»|]+$", "");
      if (BOILERPLATE_LINES.contains(lower)) {
        return false;
      }
      for (int i = 0; i < len; i++) {
        if (Character.isLetter(text.charAt(i))) {
          return true;
        }
      }
      return false;
    }
  }
}
