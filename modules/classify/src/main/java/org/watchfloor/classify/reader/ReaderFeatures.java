package org.watchfloor.classify.reader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.watchfloor.classify.actor.ActorHit;
import org.watchfloor.classify.tension.TensionResult;
import org.watchfloor.classify.text.Tokens;
import org.watchfloor.model.TopicScore;

/**
 * The features the learned reader sees, built the same way for training and for reading: hashed stems and stem
 * pairs of each sentence, with the actors it names standing in for their names, plus the rule scorer's events as
 * features ("today's rules as features"); for the gate, the title and lead's words with the topic scores; for the
 * aggregation, a few numbers over the sentences' readings.
 */
public final class ReaderFeatures {
  private ReaderFeatures() {}

  /** One sentence of the text: its number in {@link Tokens}, its tokens {@code from..to} inclusive, its weight. */
  public record Sentence(int number, int from, int to, boolean title, int order, double weight, SparseVector features) {}

  private static final int NS_UNI = 1;
  private static final int NS_BI = 2;
  private static final int NS_EVENT = 3;
  private static final int NS_EVENT_MOD = 4;
  private static final int NS_STRENGTH = 5;
  private static final int NS_POSITION = 6;
  private static final int NS_ACTORS = 7;
  private static final int NS_GATE_UNI = 11;
  private static final int NS_GATE_BI = 12;
  private static final int NS_GATE_TOPIC = 13;
  private static final int NS_GATE_RULE = 14;
  private static final int NS_GATE_ACTORS = 15;
  private static final int NS_NUMBER = 16;

  private static final int STATE = 0x5157a7e;
  private static final int PERSON = 0x9e450;
  private static final int OTHER_ACTOR = 0x0a7c0;
  private static final int NUMBER = 0x4b3e1;

  /** The length of the gate's word vector. */
  static final double GATE_WORDS_LENGTH = 4.0;

  /** The names of the aggregation's features, in id order. */
  public static final List<String> AGGREGATE_FEATURES = List.of(
      "gate", "max_weighted_severity", "top2_weighted_severity", "max_p_elevated", "max_p_high", "max_p_severe",
      "title_severity", "mean_severity", "strong_sentences", "rule_score", "gate_x_max", "top_background",
      "top_negated", "top_hedged");

  /** A feature id in {@code 0 .. 2^bits - 1} for a namespace and a hash. */
  static int id(int namespace, int hash, int bits) {
    int x = hash * 0x9E3779B1 ^ namespace * 0x85EBCA6B;
    x ^= x >>> 16;
    x *= 0x7feb352d;
    x ^= x >>> 15;
    x *= 0x846ca68b;
    x ^= x >>> 16;
    return x & ((1 << bits) - 1);
  }

  /**
   * Every sentence with its features. {@code leadSentences} body sentences after the title weigh 1, as the title does;
   * the rest weigh {@code restWeight}.
   */
  public static List<Sentence> sentences(Tokens t, int titleTokens, List<ActorHit> hits,
      List<TensionResult.ScoredEvent> events, int bits, int leadSentences, double restWeight) {
    List<Sentence> out = new ArrayList<>(t.sentenceCount() + 1);
    int[] actorAt = actorMap(t, hits);
    int hitCursor = 0;
    int eventCursor = 0;
    int order = 0;
    int i = 0;
    while (i < t.size()) {
      int s = t.sentence(i);
      int from = i;
      while (i + 1 < t.size() && t.sentence(i + 1) == s) {
        i++;
      }
      int to = i;
      i++;
      boolean title = from < titleTokens;
      SparseVector x = new SparseVector((to - from + 1) * 2 + 8);
      lexical(t, from, to, actorAt, x, NS_UNI, NS_BI, bits, 1f);
      x.add(id(NS_POSITION, title ? 0 : Math.min(order + 1, 6), bits), 1f);
      int states = 0;
      int people = 0;
      while (hitCursor < hits.size() && hits.get(hitCursor).from() <= to) {
        ActorHit h = hits.get(hitCursor++);
        if (h.from() >= from) {
          if (isState(h)) {
            states++;
          } else if (isPerson(h)) {
            people++;
          }
        }
      }
      x.add(id(NS_ACTORS, Math.min(states, 3), bits), 1f);
      x.add(id(NS_ACTORS, 16 + Math.min(people, 2), bits), 1f);
      double strongest = 0;
      while (eventCursor < events.size() && events.get(eventCursor).sentence() <= s) {
        TensionResult.ScoredEvent e = events.get(eventCursor++);
        if (e.sentence() != s) {
          continue;
        }
        int cls = e.eventClass().hashCode();
        x.add(id(NS_EVENT, cls, bits), 1f);
        for (String m : e.modifiers()) {
          x.add(id(NS_EVENT_MOD, cls * 31 + m.hashCode(), bits), 1f);
          x.add(id(NS_EVENT_MOD, m.hashCode(), bits), 1f);
        }
        strongest = Math.max(strongest, e.contribution());
      }
      x.add(id(NS_STRENGTH, (int) Math.min(10, strongest / 10), bits), 1f);
      double weight = title || order < leadSentences ? 1.0 : restWeight;
      out.add(new Sentence(s, from, to, title, title ? -1 : order, weight, x));
      if (!title) {
        order++;
      }
    }
    return out;
  }

  /** The gate's features: the title and lead's words, the topic scores, the actors and the rule scorer's reading. */
  public static SparseVector gate(Tokens t, List<Sentence> sentences, List<ActorHit> hits, List<TopicScore> topics,
      double ruleScore, int bits, int leadSentences) {
    SparseVector x = new SparseVector(512);
    int[] actorAt = actorMap(t, hits);
    for (Sentence s : sentences) {
      boolean lead = s.title() || s.order() < leadSentences + 2;
      lexical(t, s.from(), s.to(), actorAt, x, NS_GATE_UNI, lead ? NS_GATE_BI : -1, bits, lead ? 1f : 0.3f);
    }
    // the words weigh as much together in a long article as in a short one: their vector has a fixed length
    double norm = 0;
    for (int k = 0; k < x.size(); k++) {
      norm += x.value(k) * x.value(k);
    }
    x.scale(norm == 0 ? 0f : (float) (GATE_WORDS_LENGTH / Math.sqrt(norm)));
    for (TopicScore topic : topics) {
      x.add(id(NS_GATE_TOPIC, topic.id().hashCode(), bits), (float) topic.score());
    }
    x.add(id(NS_GATE_RULE, (int) Math.min(10, ruleScore / 10), bits), 1f);
    int states = 0;
    int people = 0;
    Set<String> seen = new HashSet<>();
    for (ActorHit h : hits) {
      if (seen.add(h.id())) {
        if (isState(h)) {
          states++;
        } else if (isPerson(h)) {
          people++;
        }
      }
    }
    x.add(id(NS_GATE_ACTORS, Math.min(states, 4), bits), 1f);
    x.add(id(NS_GATE_ACTORS, 16 + Math.min(people, 3), bits), 1f);
    return x;
  }

  /**
   * The aggregation's features ({@link #AGGREGATE_FEATURES}) from the gate's probability, each sentence's severity
   * probabilities (LOW..SEVERE) and context probabilities (negated, hedged, background), and the rule score.
   */
  public static SparseVector aggregate(double gate, List<Sentence> sentences, List<double[]> severity,
      List<double[]> context, double ruleScore) {
    double max = 0;
    double second = 0;
    double pElevated = 0;
    double pHigh = 0;
    double pSevere = 0;
    double titleSeverity = 0;
    double sum = 0;
    double weights = 0;
    int strong = 0;
    int top = -1;
    for (int k = 0; k < sentences.size(); k++) {
      double w = sentences.get(k).weight();
      double[] p = severity.get(k);
      double e = p[1] + 2 * p[2] + 3 * p[3] + 4 * p[4];
      double we = w * e;
      if (we > max) {
        second = max;
        max = we;
        top = k;
      } else if (we > second) {
        second = we;
      }
      pElevated = Math.max(pElevated, w * (p[2] + p[3] + p[4]));
      pHigh = Math.max(pHigh, w * (p[3] + p[4]));
      pSevere = Math.max(pSevere, w * p[4]);
      if (sentences.get(k).title()) {
        titleSeverity = e;
      }
      sum += we;
      weights += w;
      if (p[3] + p[4] > 0.5) {
        strong++;
      }
    }
    double[] c = top >= 0 ? context.get(top) : new double[3];
    SparseVector x = new SparseVector(AGGREGATE_FEATURES.size());
    x.add(0, (float) gate);
    x.add(1, (float) (max / 4));
    x.add(2, (float) ((max + second) / 8));
    x.add(3, (float) pElevated);
    x.add(4, (float) pHigh);
    x.add(5, (float) pSevere);
    x.add(6, (float) (titleSeverity / 4));
    x.add(7, (float) (weights == 0 ? 0 : sum / weights / 4));
    x.add(8, (float) (Math.min(strong, 3) / 3.0));
    x.add(9, (float) (ruleScore / 100));
    x.add(10, (float) (gate * max / 4));
    x.add(11, (float) c[2]);
    x.add(12, (float) c[0]);
    x.add(13, (float) c[1]);
    return x;
  }

  private static void lexical(Tokens t, int from, int to, int[] actorAt, SparseVector x, int uni, int bi, int bits,
      float value) {
    int prev = 0x1e55;
    int lastActor = -2;
    for (int i = from; i <= to; i++) {
      int h;
      if (actorAt[i] != 0) {
        if (actorAt[i] == lastActor) {
          continue; // one placeholder for a name of several words
        }
        lastActor = actorAt[i];
        h = actorAt[i] > 0 ? STATE : -actorAt[i] % 2 == 1 ? PERSON : OTHER_ACTOR;
      } else if (t.has(i, Tokens.DIGITS)) {
        h = NUMBER;
        x.add(id(NS_NUMBER, magnitude(t.norm(i)), bits), value);
      } else {
        h = t.stemHash(i);
      }
      if (actorAt[i] == 0) {
        lastActor = -2;
      }
      x.add(id(uni, h, bits), value);
      if (bi >= 0) {
        x.add(id(bi, prev * 31 + h, bits), value);
      }
      prev = h;
    }
    if (bi >= 0) {
      x.add(id(bi, prev * 31 + 0x3e5d, bits), value);
    }
  }

  /** 0 for a number below 10 (or a year-like or unreadable one), 1 below 100, 2 below 1,000, 3 above. */
  private static int magnitude(String digits) {
    long n = 0;
    int k = 0;
    for (; k < digits.length() && k < 12; k++) {
      char c = digits.charAt(k);
      if (c == ',') {
        continue;
      }
      if (c < '0' || c > '9') {
        break;
      }
      n = n * 10 + (c - '0');
    }
    if (n >= 1900 && n <= 2100) {
      return 7; // a year
    }
    return n < 10 ? 0 : n < 100 ? 1 : n < 1000 ? 2 : 3;
  }

  /**
   * For each token, which actor covers it: 0 for none; for a state a positive number, for a person a negative odd
   * number, for another actor a negative even number, each unique to its hit, so that a name of several words is one.
   */
  private static int[] actorMap(Tokens t, List<ActorHit> hits) {
    int[] at = new int[t.size()];
    int n = 1;
    for (ActorHit h : hits) {
      int mark = isState(h) ? n : isPerson(h) ? -(2 * n + 1) : -(2 * n + 2);
      for (int i = Math.max(0, h.from()); i <= h.to() && i < at.length; i++) {
        at[i] = mark;
      }
      n++;
    }
    return at;
  }

  private static boolean isState(ActorHit h) {
    return "STATE".equals(h.type());
  }

  private static boolean isPerson(ActorHit h) {
    return "LEADER".equals(h.type()) || "OFFICIAL".equals(h.type());
  }
}
