package org.watchfloor.classify.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.watchfloor.classify.text.PhraseMatcher;
import org.watchfloor.classify.text.Tokens;
import org.watchfloor.model.TopicScore;
import org.watchfloor.model.config.ConfigException;

/** Scores every topic of the taxonomy from weighted evidence terms; immutable and thread-safe. */
public final class TopicClassifier {
  private record Term(int topic, String phrase, double weight) {}

  private final PhraseMatcher<Term> matcher = new PhraseMatcher<>();
  private final List<String> ids = new ArrayList<>();
  private final int[] termCounts;
  private final double threshold;
  private final double saturation;
  private final double titleWeight;

  private TopicClassifier(TopicsConfig config, String file) {
    threshold = config.threshold() == null ? 0.5 : config.threshold();
    saturation = config.saturation() == null ? 2.0 : config.saturation();
    titleWeight = config.titleWeight() == null ? 2.0 : config.titleWeight();
    if (saturation <= 0) {
      throw new ConfigException(file, "saturation", "must be positive");
    }
    termCounts = new int[config.topics().size()];
    int index = 0;
    for (TopicsConfig.TopicEntry e : config.topics()) {
      String key = "topics[" + index + "]";
      if (e.id() == null || e.id().isBlank()) {
        throw new ConfigException(file, key + ".id", "missing");
      }
      if (e.terms() == null || e.terms().isEmpty()) {
        throw new ConfigException(file, key + ".terms", "a topic needs at least one term");
      }
      ids.add(e.id());
      for (Map.Entry<String, Double> term : e.terms().entrySet()) {
        if (term.getValue() == null) {
          throw new ConfigException(file, key + ".terms." + term.getKey(), "missing weight");
        }
        matcher.add(term.getKey(), new Term(index, term.getKey(), term.getValue()));
        termCounts[index]++;
      }
      index++;
    }
  }

  public static TopicClassifier of(TopicsConfig config, String file) {
    return new TopicClassifier(Objects.requireNonNull(config, "config"), file);
  }

  public List<String> topicIds() {
    return List.copyOf(ids);
  }

  /**
   * Scores the topics of a text whose first {@code titleTokens} tokens are the title.
   *
   * @return topics at or above the threshold, best first, each with its strongest evidence terms
   */
  public List<TopicScore> score(Tokens tokens, int titleTokens) {
    int topics = ids.size();
    double[] sums = new double[topics];
    List<List<Evidence>> evidence = new ArrayList<>(topics);
    for (int i = 0; i < topics; i++) {
      evidence.add(null);
    }
    matcher.forEveryMatch(tokens, (from, to, term) -> {
      double w = term.weight() * (from < titleTokens ? titleWeight : 1.0);
      List<Evidence> list = evidence.get(term.topic());
      if (list == null) {
        list = new ArrayList<>(4);
        evidence.set(term.topic(), list);
      }
      Evidence found = null;
      for (Evidence ev : list) {
        if (ev.phrase == term.phrase()) {
          found = ev;
          break;
        }
      }
      if (found == null) {
        found = new Evidence(term.phrase());
        list.add(found);
      }
      // repeated terms add with diminishing returns: 1, 1/2, 1/3 ...; negative terms cancel misleading ones
      found.count++;
      double add = w / found.count;
      found.weight += add;
      sums[term.topic()] += add;
    });
    List<TopicScore> out = new ArrayList<>();
    for (int i = 0; i < topics; i++) {
      if (sums[i] <= 0) {
        continue;
      }
      double score = 1 - Math.exp(-sums[i] / saturation);
      if (score < threshold) {
        continue;
      }
      List<Evidence> list = evidence.get(i);
      list.removeIf(ev -> ev.weight <= 0);
      list.sort(Comparator.comparingDouble((Evidence ev) -> ev.weight).reversed());
      List<String> terms = new ArrayList<>(Math.min(5, list.size()));
      for (int k = 0; k < list.size() && k < 5; k++) {
        terms.add(list.get(k).phrase);
      }
      out.add(new TopicScore(ids.get(i), Math.round(score * 1000) / 1000.0, terms));
    }
    out.sort(Comparator.comparingDouble(TopicScore::score).reversed());
    return out;
  }

  private static final class Evidence {
    final String phrase;
    int count;
    double weight;

    Evidence(String phrase) {
      this.phrase = phrase;
    }
  }
}
