package org.watchfloor.classify.eval;

import java.util.List;
import org.watchfloor.model.TensionLevel;

/** One hand-labelled dev-set article: its text and the expected actors, topics and tension level. */
public record DevArticle(
    String id, String title, String text, List<String> actors, List<String> topics, TensionLevel tension) {
  public DevArticle {
    actors = actors == null ? List.of() : List.copyOf(actors);
    topics = topics == null ? List.of() : List.copyOf(topics);
  }
}
