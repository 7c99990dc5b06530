package org.watchfloor.learn.data;

import java.util.List;
import org.watchfloor.model.TensionLevel;

/**
 * One labelled article with its text. Written dev-set articles carry no sentence labels, and their gate label is
 * derived (political unless LOW with no topic).
 *
 * @param kind {@code conflict}, {@code deescalation} or {@code hard_negative} ({@code written} for the dev set)
 * @param accepted the level and at most one adjacent level a careful annotator could defend
 */
public record LabelledArticle(
    String id, String url, String date, String theatre, String kind, String subject, String story, boolean political,
    TensionLevel level, List<TensionLevel> accepted, List<String> states, List<String> people, List<String> topics,
    List<SentenceLabel> sentences, String title, String text) {
  public LabelledArticle {
    accepted = List.copyOf(accepted);
    states = states == null ? List.of() : List.copyOf(states);
    people = people == null ? List.of() : List.copyOf(people);
    topics = topics == null ? List.of() : List.copyOf(topics);
    sentences = List.copyOf(sentences);
  }

  public boolean hardNegative() {
    return "hard_negative".equals(kind);
  }
}
