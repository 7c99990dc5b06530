package org.watchfloor.classify;

import java.util.List;
import java.util.Objects;
import org.watchfloor.classify.actor.ActorExtraction;
import org.watchfloor.classify.actor.ActorExtractor;
import org.watchfloor.classify.fingerprint.SimHash;
import org.watchfloor.classify.language.LanguageIdentifier;
import org.watchfloor.classify.reader.NewsReader;
import org.watchfloor.classify.tension.TensionResult;
import org.watchfloor.classify.tension.TensionScorer;
import org.watchfloor.classify.text.Lexicon;
import org.watchfloor.classify.text.Tokens;
import org.watchfloor.classify.topic.TopicClassifier;
import org.watchfloor.model.TopicScore;

/**
 * The configured classifier: tokenises once, then resolves actors, scores topics, reads tension (the rule scorer's
 * events feed the learned reader), identifies the language and fingerprints the text. Immutable and thread-safe; build it with {@link Classifiers}.
 */
public final class RuleClassifier implements Classifier {
  private final ActorExtractor actors;
  private final TopicClassifier topics;
  private final TensionScorer tension;
  private final Lexicon lexicon;
  private final NewsReader reader;
  private final String configDigest;
  private final String version;

  RuleClassifier(ActorExtractor actors, TopicClassifier topics, TensionScorer tension, Lexicon lexicon,
      NewsReader reader) {
    this(actors, topics, tension, lexicon, reader, "unknown");
  }

  /** @param configDigest a digest of the configuration files the matchers were built from */
  RuleClassifier(ActorExtractor actors, TopicClassifier topics, TensionScorer tension, Lexicon lexicon,
      NewsReader reader, String configDigest) {
    this.configDigest = Objects.requireNonNull(configDigest, "configDigest");
    this.version = ClassifierVersion.of(reader == null ? "rules" : "learned", configDigest,
        reader == null ? "" : reader.model().digest());
    this.actors = Objects.requireNonNull(actors, "actors");
    this.topics = Objects.requireNonNull(topics, "topics");
    this.tension = Objects.requireNonNull(tension, "tension");
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.reader = reader;
  }

  /**
   * A classification with the evidence behind its tension, for {@code --explain} and evaluation: the rule scorer's
   * events and result, and the learned reader's reading (null when the rules alone rate tension).
   */
  public record Explained(Classification classification, List<TensionResult.ScoredEvent> events,
      TensionResult rules, NewsReader.Reading reading) {}

  @Override
  public Classification classify(ArticleText text) {
    return run(text, false).classification();
  }

  /**
   * What the classifier computes before it reads tension: the tokens (title first, as the title's
   * {@code titleTokens} tokens), the actors, the topics and the rule scorer's result.
   */
  public record Parsed(Tokens tokens, int titleTokens, ActorExtraction actors, List<TopicScore> topics,
      TensionResult rules) {}

  /** Tokenises the article and runs the actor, topic and rule stages: the learned reader's input. */
  public Parsed parse(ArticleText text) {
    Objects.requireNonNull(text, "text");
    String title = text.title().strip();
    String body = text.text();
    String all = title.isEmpty() ? body : title + "\n\n" + body;
    Tokens tokens = Tokens.of(all, lexicon);
    int titleTokens = 0;
    while (titleTokens < tokens.size() && tokens.start(titleTokens) < title.length()) {
      titleTokens++;
    }
    ActorExtraction found = actors.extract(tokens);
    List<TopicScore> topicScores = topics.score(tokens, titleTokens);
    TensionResult t = tension.score(tokens, titleTokens, found.hits());
    return new Parsed(tokens, titleTokens, found, topicScores, t);
  }

  /** Classifies and keeps every scored event and, with the learned reader, its reading. */
  public Explained explain(ArticleText text) {
    return run(text, true);
  }

  private Explained run(ArticleText text, boolean explain) {
    Parsed p = parse(text);
    String body = text.text();
    NewsReader.Reading reading = reader == null ? null
        : reader.read(p.tokens(), p.titleTokens(), p.actors().hits(), p.rules(), p.topics(), explain);
    String language = LanguageIdentifier.identify(body.isBlank() ? text.title().strip() : body, text.languageHint());
    long fingerprint = SimHash.of(p.tokens());
    TensionResult t = p.rules();
    Classification c = reading == null
        ? new Classification(language, p.actors().actors(), p.topics(), t.tension(), t.dyads(), fingerprint)
        : new Classification(language, p.actors().actors(), reading.topics(), reading.tension(), reading.dyads(),
            fingerprint);
    return new Explained(c, t.events(), t, reading);
  }

  /** The words the tokenizer shares and numbers for the matchers. */
  public Lexicon lexicon() {
    return lexicon;
  }

  public ActorExtractor actors() {
    return actors;
  }

  public TopicClassifier topics() {
    return topics;
  }

  public TensionScorer tension() {
    return tension;
  }

  /** The learned reader, or null when the rules alone rate tension. */
  public NewsReader reader() {
    return reader;
  }

  /** The same classifier with another reader (null: the rules alone), for evaluation and training. */
  public RuleClassifier withReader(NewsReader other) {
    return new RuleClassifier(actors, topics, tension, lexicon, other, configDigest);
  }

  /**
   * {@code learned-} or {@code rules-} and twelve hex digits of a digest over the configuration files and the reader's
   * model: the same files and model give the same version.
   */
  @Override
  public String version() {
    return version;
  }
}
