package org.watchfloor.enricher;

/** A raw article that parses but cannot be enriched (no id, no title or text, too large). */
public final class InvalidArticleException extends RuntimeException {
  private final String articleId;

  public InvalidArticleException(String articleId, String message) {
    super(message);
    this.articleId = articleId;
  }

  /** The article's id when it was readable, else null. */
  public String articleId() {
    return articleId;
  }
}
