package org.watchfloor.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.classify.actor.ActorExtractor;
import org.watchfloor.classify.actor.ActorsConfig;
import org.watchfloor.classify.language.LanguageIdentifier;
import org.watchfloor.classify.reader.NewsReader;
import org.watchfloor.classify.reader.ReaderConfig;
import org.watchfloor.classify.tension.TensionConfig;
import org.watchfloor.classify.tension.TensionScorer;
import org.watchfloor.classify.text.Lexicon;
import org.watchfloor.classify.topic.TopicClassifier;
import org.watchfloor.classify.topic.TopicsConfig;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.YamlFiles;

/** Builds the classifier from the YAML files of a config directory: the one way to get a {@link Classifier}. */
public final class Classifiers {
  private static final Logger LOG = LoggerFactory.getLogger(Classifiers.class);

  public static final String ACTORS_FILE = "actors.yaml";
  public static final String TOPICS_FILE = "topics.yaml";
  public static final String TENSION_FILE = "tension.yaml";
  public static final String READER_FILE = "reader.yaml";

  private Classifiers() {}

  /**
   * Loads {@code actors.yaml}, {@code topics.yaml}, {@code tension.yaml} and {@code reader.yaml} (optional: without it,
   * the built-in learned reader) from {@code configDir}, validates them and
   * returns a thread-safe classifier; fails with {@link ConfigException} naming the file, key and reason.
   */
  public static RuleClassifier load(Path configDir) {
    return load(configDir, true);
  }

  /**
   * Like {@link #load(Path)}; with {@code withReader} false the rule scorer alone rates tension and {@code reader.yaml}
   * is not read (for training the reader, which needs no model yet).
   */
  public static RuleClassifier load(Path configDir, boolean withReader) {
    Objects.requireNonNull(configDir, "configDir");
    if (!Files.isDirectory(configDir)) {
      throw new ConfigException(configDir.toString(), null, "not a directory");
    }
    Path actorsFile = configDir.resolve(ACTORS_FILE);
    Path topicsFile = configDir.resolve(TOPICS_FILE);
    Path tensionFile = configDir.resolve(TENSION_FILE);
    ActorsConfig actorsConfig = YamlFiles.read(actorsFile, ActorsConfig.class);
    TopicsConfig topicsConfig = YamlFiles.read(topicsFile, TopicsConfig.class);
    TensionConfig tensionConfig = YamlFiles.read(tensionFile, TensionConfig.class);
    ActorExtractor actors = ActorExtractor.of(actorsConfig, actorsFile.toString());
    TopicClassifier topics = TopicClassifier.of(topicsConfig, topicsFile.toString());
    TensionScorer tension = TensionScorer.of(tensionConfig, tensionFile.toString());
    // every word the matchers hold: the words the tokenizer hands out shared and numbered
    List<String> vocabulary = new ArrayList<>(actors.words());
    vocabulary.addAll(topics.words());
    vocabulary.addAll(tension.words());
    Lexicon lexicon = Lexicon.of(vocabulary);
    Path readerFile = configDir.resolve(READER_FILE);
    ReaderConfig readerConfig = withReader && Files.exists(readerFile)
        ? YamlFiles.read(readerFile, ReaderConfig.class) : ReaderConfig.DEFAULT;
    NewsReader reader = withReader ? readerConfig.load(configDir, readerFile.toString()) : null;
    LOG.info("Classifier loaded from {}: {} actors, {} topics, {} known words, tension read by {}", configDir,
        actors.actorCount(), topics.topicIds().size(), lexicon.size(),
        reader == null ? "the rules" : "the learned reader (" + reader.model().description() + ")");
    return new RuleClassifier(actors, topics, tension, lexicon, reader,
        ClassifierVersion.digestOf(List.of(actorsFile, topicsFile, tensionFile)));
  }

  /** Like {@link #load(Path)}, and loads the language models now rather than on the first article. */
  public static RuleClassifier loadAndWarmUp(Path configDir) {
    RuleClassifier classifier = load(configDir);
    LanguageIdentifier.warmUp();
    return classifier;
  }
}
