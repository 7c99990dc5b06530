package org.watchfloor.enricher;

import org.watchfloor.model.Json;
import org.watchfloor.model.RawArticle;
import org.watchfloor.model.SchemaException;

/** Checks a raw payload before enrichment: size, JSON schema and version, and the fields enrichment needs. */
public final class ArticleValidator {
  private final int maxPayloadBytes;

  public ArticleValidator(int maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * Reads the payload as a {@link RawArticle}.
   *
   * @throws SchemaException when it is empty, not JSON, or of an unknown schema version
   * @throws InvalidArticleException when it is too large or lacks an id, or both title and text
   */
  public RawArticle validate(byte[] payload) {
    // checked before parsing, so that a huge record costs nothing to reject
    if (payload != null && payload.length > maxPayloadBytes) {
      throw new InvalidArticleException(null,
          "payload of " + payload.length + " bytes exceeds the limit of " + maxPayloadBytes + " bytes");
    }
    RawArticle article = Json.read(payload, RawArticle.class);
    if (isBlank(article.id())) {
      throw new InvalidArticleException(null, "missing id");
    }
    if (isBlank(article.title()) && isBlank(article.text())) {
      throw new InvalidArticleException(article.id(), "article " + article.id() + " has neither title nor text");
    }
    return article;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
