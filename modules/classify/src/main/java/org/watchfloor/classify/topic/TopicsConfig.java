package org.watchfloor.classify.topic;

import java.util.List;
import java.util.Map;

/**
 * The topic taxonomy as written in {@code config/topics.yaml}.
 *
 * @param threshold the least score, in [0, 1], for a topic to be reported
 * @param saturation the evidence weight at which a score reaches 1 - 1/e
 * @param titleWeight how much more a term counts in the title than in the body
 * @param backgroundWords words that mark a sentence as recalling the past (anniversaries, memorials): the
 *     {@link TopicEntry#backgroundTerms() background terms} of a topic do not count in such a sentence
 * @param topics the topics
 */
public record TopicsConfig(
    Double threshold, Double saturation, Double titleWeight, List<String> backgroundWords, List<TopicEntry> topics) {
  public TopicsConfig {
    backgroundWords = backgroundWords == null ? List.of() : List.copyOf(backgroundWords);
    topics = topics == null ? List.of() : List.copyOf(topics);
  }

  /**
   * One topic: its id, display name and weighted evidence terms (phrases match any inflection).
   *
   * @param weakTerms terms of {@code terms} that add to the score but cannot keep the topic on their own: a topic is
   *     kept only if at least one of its other positive terms is found
   * @param backgroundTerms terms of {@code terms} that do not count in a sentence holding a background word
   */
  public record TopicEntry(
      String id, String name, Map<String, Double> terms, List<String> weakTerms, List<String> backgroundTerms) {
    public TopicEntry {
      weakTerms = weakTerms == null ? List.of() : List.copyOf(weakTerms);
      backgroundTerms = backgroundTerms == null ? List.of() : List.copyOf(backgroundTerms);
    }
  }
}
