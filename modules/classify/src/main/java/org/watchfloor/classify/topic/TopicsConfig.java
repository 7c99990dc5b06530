package org.watchfloor.classify.topic;

import java.util.List;
import java.util.Map;

/**
 * The topic taxonomy as written in {@code config/topics.yaml}.
 *
 * @param threshold the least score, in [0, 1], for a topic to be reported
 * @param saturation the evidence weight at which a score reaches 1 - 1/e
 * @param titleWeight how much more a term counts in the title than in the body
 */
public record TopicsConfig(Double threshold, Double saturation, Double titleWeight, List<TopicEntry> topics) {
  public TopicsConfig {
    topics = topics == null ? List.of() : List.copyOf(topics);
  }

  /** One topic: its id, display name and weighted evidence terms (phrases match any inflection). */
  public record TopicEntry(String id, String name, Map<String, Double> terms) {}
}
