package org.watchfloor.classify;

import java.util.List;
import java.util.Objects;
import org.watchfloor.classify.actor.ActorExtraction;
import org.watchfloor.classify.actor.ActorExtractor;
import org.watchfloor.classify.fingerprint.SimHash;
import org.watchfloor.classify.language.LanguageIdentifier;
import org.watchfloor.classify.tension.TensionResult;
import org.watchfloor.classify.tension.TensionScorer;
import org.watchfloor.classify.text.Lexicon;
import org.watchfloor.classify.text.Tokens;
import org.watchfloor.classify.topic.TopicClassifier;
import org.watchfloor.model.TopicScore;

/**
 * The configured classifier: tokenises once, then resolves actors, scores topics and tension, identifies the language
 * and fingerprints the text. Immutable and thread-safe; build it with {@link Classifiers}.
 */
public final class RuleClassifier implements Classifier {
  private final ActorExtractor actors;
  private final TopicClassifier topics;
  private final TensionScorer tension;
  private final Lexicon lexicon;

  RuleClassifier(ActorExtractor actors, TopicClassifier topics, TensionScorer tension, Lexicon lexicon) {
    this.actors = Objects.requireNonNull(actors, "actors");
    this.topics = Objects.requireNonNull(topics, "topics");
    this.tension = Objects.requireNonNull(tension, "tension");
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
  }

  /** A classification with the scored events behind its tension, for {@code --explain} and evaluation. */
  public record Explained(Classification classification, List<TensionResult.ScoredEvent> events) {}

  @Override
  public Classification classify(ArticleText text) {
    return explain(text).classification();
  }

  /** Classifies and keeps every scored event. */
  public Explained explain(ArticleText text) {
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
    String language = LanguageIdentifier.identify(body.isBlank() ? title : body, text.languageHint());
    long fingerprint = SimHash.of(tokens);
    Classification c = new Classification(language, found.actors(), topicScores, t.tension(), t.dyads(), fingerprint);
    return new Explained(c, t.events());
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
}
