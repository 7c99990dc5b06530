package org.watchfloor.classify;

/** Classifies an article: a pure, thread-safe function of its text and the loaded configuration. */
@FunctionalInterface
public interface Classifier {
  Classification classify(ArticleText text);
}
