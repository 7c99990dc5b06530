package org.watchfloor.enricher;

import org.watchfloor.classify.Classification;
import org.watchfloor.model.RawArticle;

/**
 * A record on its way through the first sub-topology: the original bytes (kept for the dead letters), the parsed
 * article, its classification, or the reason it failed. Never serialised.
 */
record Work(byte[] rawKey, byte[] payload, RawArticle article, Classification classification, String errorClass,
    String errorMessage) {

  static Work parsed(byte[] rawKey, byte[] payload, RawArticle article) {
    return new Work(rawKey, payload, article, null, null, null);
  }

  static Work failed(byte[] rawKey, byte[] payload, RawArticle article, Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return new Work(rawKey, payload, article, null, error.getClass().getName(), message);
  }

  Work classified(Classification value) {
    return new Work(rawKey, payload, article, value, null, null);
  }

  boolean isFailure() {
    return errorClass != null;
  }

  String url() {
    return article == null ? null : article.url();
  }
}
