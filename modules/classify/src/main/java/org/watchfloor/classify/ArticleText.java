package org.watchfloor.classify;

/** What the classifier reads: the title, the body text, an optional language hint and the source name. */
public record ArticleText(String title, String text, String languageHint, String source) {
  public ArticleText {
    title = title == null ? "" : title;
    text = text == null ? "" : text;
  }
}
