package org.watchfloor.enricher;

import java.time.Instant;
import org.watchfloor.classify.ArticleText;
import org.watchfloor.classify.Classification;
import org.watchfloor.classify.Classifier;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.RawArticle;

/** One raw article read by a classifier: the pure step that the topology and the replay of history share. */
public final class Enrichment {
  private Enrichment() {}

  /** What the classifier reads of a raw article. */
  public static ArticleText text(RawArticle a) {
    return new ArticleText(a.title(), a.text(), a.languageHint(), a.source());
  }

  /** The enriched article, in a story of its own unless {@code storyId} says otherwise. */
  public static EnrichedArticle of(RawArticle raw, Classification c, Instant enrichedAt, String classifierVersion,
      String storyId, String duplicateOf) {
    return new EnrichedArticle(EnrichedArticle.VERSION, raw, c.language(), c.actors(), c.topics(), c.tension(),
        c.dyads(), c.fingerprint(), storyId, duplicateOf, enrichedAt, classifierVersion);
  }

  /** Classifies a raw article; fails when the classifier has no answer. */
  public static Classification classify(Classifier classifier, RawArticle a) {
    Classification c = classifier.classify(text(a));
    if (c == null) {
      throw new IllegalStateException("classifier returned no classification for article " + a.id());
    }
    return c;
  }
}
