package org.watchfloor.classify.reader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.watchfloor.classify.actor.ActorHit;
import org.watchfloor.classify.tension.TensionResult;
import org.watchfloor.classify.tension.TensionScorer;
import org.watchfloor.classify.text.Tokens;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.Tension;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.TopicScore;

/**
 * Reads an article the learned way: a gate decides whether it is political or security news at all, a sentence
 * reader gives each sentence an event class, a severity and its context (negated, hedged, background, rhetoric), and
 * an aggregation turns the sentences into the 0-100 score and level, with the sentences that drove it as evidence.
 * Immutable and thread-safe; a pure function of its inputs.
 */
public final class NewsReader {
  private final ReaderModel model;
  private final LinearModel gate;
  private final LinearModel aggregate;
  /** The event class model's labels; its weights live in {@link #sentenceModels} only. */
  private final List<String> eventClasses;
  private final double[] thresholds;
  /** severity, event class, negated, hedged, background, rhetoric: read in one pass per sentence. */
  private final FusedModels sentenceModels;
  private final int[] yes = new int[4];
  private final Map<String, LinearModel> topicModels = new LinkedHashMap<>();
  /** The least expected severity of a sentence that can be evidence: GUARDED. */
  static final double EVIDENCE_FROM = 1.0;
  private final int none;
  /** The highest score of an article the gate does not pass: the top of GUARDED. */
  static final double GATED_MAX = 39.9;

  public NewsReader(ReaderModel model) {
    this.model = Objects.requireNonNull(model, "model");
    gate = model.part(ReaderModel.GATE);
    aggregate = model.part(ReaderModel.AGGREGATE);
    thresholds = model.thresholds().clone();
    // the six sentence models are held once, interleaved: the single models are dropped after fusing
    LinearModel severity = model.part(ReaderModel.SEVERITY);
    LinearModel eventClass = model.part(ReaderModel.EVENT_CLASS);
    LinearModel negated = model.part(ReaderModel.NEGATED);
    LinearModel hedged = model.part(ReaderModel.HEDGED);
    LinearModel background = model.part(ReaderModel.BACKGROUND);
    LinearModel rhetoric = model.part(ReaderModel.RHETORIC);
    sentenceModels = FusedModels.of(List.of(severity, eventClass, negated, hedged, background, rhetoric));
    eventClasses = eventClass.labels();
    none = eventClasses.indexOf("none");
    if (severity.labels().size() != 5 || eventClass.labels().size() != 5) {
      throw new IllegalArgumentException("the severity and event class models must have five labels");
    }
    List<LinearModel> binary = List.of(negated, hedged, background, rhetoric);
    for (int b = 0; b < 4; b++) {
      yes[b] = binary.get(b).labels().indexOf("yes");
      if (binary.get(b).labels().size() != 2 || yes[b] < 0) {
        throw new IllegalArgumentException("a context model must have the labels no and yes");
      }
    }
    for (String part : model.models().keySet()) {
      if (part.startsWith(ReaderModel.TOPIC_PREFIX)) {
        topicModels.put(part.substring(ReaderModel.TOPIC_PREFIX.length()), model.part(part));
      }
    }
  }

  public ReaderModel model() {
    return model;
  }

  /** One sentence as the reader saw it. {@code severity} holds the probabilities of LOW..SEVERE. */
  public record SentenceReading(
      int number, String text, double weight, double[] severity, double expected, String eventClass,
      double eventClassProbability, double negated, double hedged, double background, double rhetoric) {

    /** The context the reader found likely (probability at least 0.5): negated, hedged, background, rhetoric. */
    public List<String> context() {
      List<String> out = new ArrayList<>(2);
      if (negated >= 0.5) {
        out.add("negated");
      }
      if (hedged >= 0.5) {
        out.add("hedged");
      }
      if (background >= 0.5) {
        out.add("background");
      }
      if (rhetoric >= 0.5) {
        out.add("rhetoric");
      }
      return out;
    }
  }

  /**
   * The reading of an article: the gate's probability that it is political or security news, each sentence, the
   * expected level (0-4) from the aggregation, the tension and the dyads kept.
   */
  public record Reading(double gate, List<SentenceReading> sentences, double expectedLevel, Tension tension,
      List<Dyad> dyads, List<TopicScore> topics) {}

  /**
   * Reads a tokenised article whose first {@code titleTokens} tokens are the title, given its actor mentions, the rule
   * scorer's result on it (its events are features; its dyads are kept where the reader agrees) and its topics.
   */
  public Reading read(Tokens t, int titleTokens, List<ActorHit> hits, TensionResult rules, List<TopicScore> topics) {
    return read(t, titleTokens, hits, rules, topics, true);
  }

  /**
   * Like {@link #read(Tokens, int, List, TensionResult, List)}; without {@code allTexts}, only the sentences that can
   * be evidence or hold a dyad carry their text (the others an empty string), which spares the enricher a copy of
   * every sentence.
   */
  public Reading read(Tokens t, int titleTokens, List<ActorHit> hits, TensionResult rules, List<TopicScore> topics,
      boolean allTexts) {
    List<ReaderFeatures.Sentence> sentences = ReaderFeatures.sentences(t, titleTokens, hits, rules.events(),
        model.bits(), model.leadSentences(), model.restWeight());
    double ruleScore = rules.tension().score();
    SparseVector article = ReaderFeatures.gate(t, sentences, hits, topics, ruleScore, model.bits(),
        model.leadSentences());
    double pGate = gate.probabilityOf(article, "yes");
    List<double[]> sev = new ArrayList<>(sentences.size());
    List<double[]> ctx = new ArrayList<>(sentences.size());
    List<SentenceReading> readings = new ArrayList<>(sentences.size());
    for (ReaderFeatures.Sentence s : sentences) {
      double[] z = sentenceModels.logits(s.features());
      double[] p = FusedModels.softmax(z, 0, 5);
      double[] q = FusedModels.softmax(z, sentenceModels.offset(1), 5);
      int best = 0;
      for (int j = 1; j < q.length; j++) {
        if (q[j] > q[best]) {
          best = j;
        }
      }
      double neg = FusedModels.probability(z, sentenceModels.offset(2), yes[0]);
      double hedge = FusedModels.probability(z, sentenceModels.offset(3), yes[1]);
      double bg = FusedModels.probability(z, sentenceModels.offset(4), yes[2]);
      double rhet = FusedModels.probability(z, sentenceModels.offset(5), yes[3]);
      sev.add(p);
      ctx.add(new double[] {neg, hedge, bg});
      double e = expected(p);
      boolean textNeeded = allTexts || e >= EVIDENCE_FROM
          || !rules.dyads().isEmpty() && best != none && neg < 0.5 && bg < 0.5;
      readings.add(new SentenceReading(s.number(), textNeeded ? TensionScorer.sentenceText(t, s.number()) : "",
          s.weight(), p, e, eventClasses.get(best), q[best], neg, hedge, bg, rhet));
    }
    double[] level = aggregate.probabilities(ReaderFeatures.aggregate(pGate, sentences, sev, ctx, ruleScore));
    double y = expected(level);
    double score = score(y, thresholds);
    // rounded to a tenth, as the level reads it
    score = Math.round(score * 10) / 10.0;
    if (pGate < model.gateCap()) {
      score = Math.min(score, GATED_MAX);
    }
    List<SentenceReading> drivers = evidence(readings);
    Tension tension = new Tension(score, TensionLevel.of(score), rules.tension().goldsteinMean(),
        drivers.stream().map(SentenceReading::text).toList(), drivers.stream().map(NewsReader::evidenceOf).toList());
    return new Reading(pGate, readings, y, tension, dyads(pGate, readings, rules.dyads()),
        topics(article, topics, pGate >= model.gateCap()));
  }

  /**
   * The topics the model's topic parts keep (probability at least 0.5), with the rule topics' terms as evidence;
   * the rule topics when the model has no topic parts. With the gate closed, only the ungated topics remain.
   */
  private List<TopicScore> topics(SparseVector article, List<TopicScore> ruleTopics, boolean political) {
    if (topicModels.isEmpty()) {
      return ruleTopics;
    }
    List<TopicScore> out = new ArrayList<>(4);
    for (Map.Entry<String, LinearModel> e : topicModels.entrySet()) {
      if (!political && !model.ungatedTopics().contains(e.getKey())) {
        continue;
      }
      double p = e.getValue().probabilityOf(article, "yes");
      if (p >= 0.5) {
        List<String> evidence = List.of();
        for (TopicScore r : ruleTopics) {
          if (r.id().equals(e.getKey())) {
            evidence = r.evidence();
          }
        }
        out.add(new TopicScore(e.getKey(), Math.round(p * 100) / 100.0, evidence));
      }
    }
    out.sort(Comparator.comparingDouble(TopicScore::score).reversed());
    return out;
  }

  static double expected(double[] p) {
    double e = 0;
    for (int k = 1; k < p.length; k++) {
      e += k * p[k];
    }
    return e;
  }

  /** The 0-100 score of an expected level: the thresholds land on 20, 40, 60 and 80, linear in between. */
  public static double score(double y, double[] thresholds) {
    double lo = 0;
    double loScore = 0;
    for (int k = 0; k < 4; k++) {
      double hi = thresholds[k];
      if (y < hi) {
        return loScore + 20 * (y - lo) / Math.max(1e-9, hi - lo);
      }
      lo = hi;
      loScore += 20;
    }
    return Math.min(100, 80 + 20 * (y - lo) / Math.max(1e-9, 4 - lo));
  }

  /** The sentences that drove the level: up to three that read GUARDED or above in expectation, heaviest first. */
  private static List<SentenceReading> evidence(List<SentenceReading> readings) {
    return readings.stream()
        .filter(r -> r.expected() >= EVIDENCE_FROM && !r.text().isEmpty())
        .sorted(Comparator.comparingDouble((SentenceReading r) -> -r.weight() * r.expected())
            .thenComparingInt(SentenceReading::number))
        .limit(3)
        .toList();
  }

  private static Tension.EvidenceSentence evidenceOf(SentenceReading r) {
    return new Tension.EvidenceSentence(r.text(), r.eventClass(), round(r.eventClassProbability()),
        round(r.expected()), r.context());
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** The rule scorer's dyads in sentences the reader reads as an interaction happening now. */
  private List<Dyad> dyads(double pGate, List<SentenceReading> readings, List<Dyad> ruleDyads) {
    if (pGate < model.gateCap() || ruleDyads.isEmpty()) {
      return List.of();
    }
    Set<String> live = new HashSet<>();
    for (SentenceReading r : readings) {
      if (!"none".equals(r.eventClass()) && r.negated() < 0.5 && r.background() < 0.5) {
        live.add(r.text());
      }
    }
    List<Dyad> out = new ArrayList<>(ruleDyads.size());
    for (Dyad d : ruleDyads) {
      if (live.contains(d.sentence())) {
        out.add(d);
      }
    }
    return out;
  }
}
