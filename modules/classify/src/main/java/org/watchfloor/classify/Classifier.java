package org.watchfloor.classify;

/** Classifies an article: a pure, thread-safe function of its text and the loaded configuration. */
@FunctionalInterface
public interface Classifier {
  Classification classify(ArticleText text);

  /**
   * Which classifier this is: its kind and a digest of everything that shapes its readings (configuration files and
   * model), so that the same files give the same version and any change gives a new one.
   */
  default String version() {
    return getClass().getSimpleName();
  }
}
