package org.watchfloor.classify.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.watchfloor.classify.text.PhraseMatcher;
import org.watchfloor.classify.text.Tokens;
import org.watchfloor.model.TopicScore;
import org.watchfloor.model.config.ConfigException;

/**
 * Scores every topic of the taxonomy from weighted evidence terms in one pass of a phrase matcher; immutable and
 * thread-safe. A topic is kept when its score reaches the threshold and at least one of its found terms is not a weak
 * term; background terms do not count in a sentence that holds a background word.
 */
public final class TopicClassifier {
  /** An evidence term of a topic, or (topic {@link #BACKGROUND_WORD}) a word that marks a background sentence. */
  private record Term(int topic, String phrase, double weight, boolean weak, boolean background) {}

  private static final int BACKGROUND_WORD = -1;

  private final PhraseMatcher<Term> matcher = new PhraseMatcher<>();

  /** Every word of every term: what a {@link org.watchfloor.classify.text.Lexicon} for it must hold. */
  public java.util.Set<String> words() {
    return matcher.words();
  }

  /** Whether tokens of this lexicon are matched by stem id rather than by string. */
  public boolean indexedBy(org.watchfloor.classify.text.Lexicon lexicon) {
    return matcher.indexedBy(lexicon);
  }
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
      Set<String> weak = known(e.weakTerms(), e.terms(), file, key + ".weak_terms");
      Set<String> background = known(e.backgroundTerms(), e.terms(), file, key + ".background_terms");
      for (Map.Entry<String, Double> term : e.terms().entrySet()) {
        if (term.getValue() == null) {
          throw new ConfigException(file, key + ".terms." + term.getKey(), "missing weight");
        }
        matcher.add(term.getKey(), new Term(index, term.getKey(), term.getValue(), weak.contains(term.getKey()),
            background.contains(term.getKey())));
        termCounts[index]++;
      }
      index++;
    }
    for (String word : config.backgroundWords()) {
      if (word == null || word.isBlank()) {
        throw new ConfigException(file, "background_words", "blank word");
      }
      matcher.add(word, new Term(BACKGROUND_WORD, word, 0, false, false));
    }
  }

  private static Set<String> known(List<String> listed, Map<String, Double> terms, String file, String key) {
    for (String t : listed) {
      if (!terms.containsKey(t)) {
        throw new ConfigException(file, key, "'" + t + "' is not one of the topic's terms");
      }
    }
    return Set.copyOf(listed);
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
    Scoring run = new Scoring(tokens, titleTokens);
    matcher.forEveryMatch(tokens, run);
    run.flush();
    List<TopicScore> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      double sum = run.sums[i];
      if (sum <= 0) {
        continue;
      }
      double score = 1 - Math.exp(-sum / saturation);
      if (score < threshold) {
        continue;
      }
      List<Evidence> list = run.evidence.get(i);
      list.removeIf(ev -> ev.weight <= 0);
      list.sort(Comparator.comparingDouble((Evidence ev) -> ev.weight).reversed());
      Evidence anchor = null;
      for (Evidence ev : list) {
        if (!ev.weak) {
          anchor = ev;
          break;
        }
      }
      if (anchor == null) {
        continue; // weak terms alone do not make a topic
      }
      List<String> terms = new ArrayList<>(Math.min(5, list.size()));
      for (int k = 0; k < list.size() && k < 5; k++) {
        terms.add(list.get(k).phrase);
      }
      if (list.indexOf(anchor) >= 5) {
        terms.set(4, anchor.phrase); // the evidence names a term that can keep the topic
      }
      out.add(new TopicScore(ids.get(i), Math.round(score * 1000) / 1000.0, terms));
    }
    out.sort(Comparator.comparingDouble(TopicScore::score).reversed());
    return out;
  }

  /**
   * One scoring pass. Terms count as they are found, except background terms, which wait for the end of their
   * sentence and count only if it held no background word.
   */
  private final class Scoring implements PhraseMatcher.MatchSink<Term> {
    final double[] sums = new double[ids.size()];
    final List<List<Evidence>> evidence = new ArrayList<>(ids.size());
    private final Tokens tokens;
    private final int titleTokens;
    private final List<Term> pending = new ArrayList<>(4);
    private final List<Integer> pendingFrom = new ArrayList<>(4);
    private int sentence = -1;
    private boolean backgroundSentence;

    Scoring(Tokens tokens, int titleTokens) {
      this.tokens = tokens;
      this.titleTokens = titleTokens;
      for (int i = 0; i < ids.size(); i++) {
        evidence.add(null);
      }
    }

    @Override
    public void accept(int from, int to, Term term) {
      int s = tokens.sentence(from);
      if (s != sentence) {
        flush();
        sentence = s;
      }
      if (term.topic() == BACKGROUND_WORD) {
        backgroundSentence = true;
      } else if (term.background()) {
        pending.add(term);
        pendingFrom.add(from);
      } else {
        add(from, term);
      }
    }

    /** Ends the current sentence: its background terms count unless it held a background word. */
    void flush() {
      if (!backgroundSentence) {
        for (int k = 0; k < pending.size(); k++) {
          add(pendingFrom.get(k), pending.get(k));
        }
      }
      pending.clear();
      pendingFrom.clear();
      backgroundSentence = false;
    }

    private void add(int from, Term term) {
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
        found = new Evidence(term.phrase(), term.weak());
        list.add(found);
      }
      // repeated terms add with diminishing returns: 1, 1/2, 1/3 ...; negative terms cancel misleading ones
      found.count++;
      double add = w / found.count;
      found.weight += add;
      sums[term.topic()] += add;
    }
  }

  private static final class Evidence {
    final String phrase;
    final boolean weak;
    int count;
    double weight;

    Evidence(String phrase, boolean weak) {
      this.phrase = phrase;
      this.weak = weak;
    }
  }
}
