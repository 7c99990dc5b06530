package org.watchfloor.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.classify.eval.DevArticle;
import org.watchfloor.classify.eval.DevSet;
import org.watchfloor.model.config.ConfigException;

class ClassifiersTest {
  @Test
  void loadsTheRepositoryConfig() {
    Classification c = ConfigDir.classifier().classify(new ArticleText(
        "North Korea fires missile", "North Korea fired a ballistic missile toward Japan on Monday.", null, "test"));
    assertThat(c.language()).isEqualTo("en");
    assertThat(c.actors()).extracting(a -> a.id()).contains("PRK", "JPN");
    assertThat(c.topics()).extracting(t -> t.id()).contains("nuclear_missiles");
    assertThat(c.tension().score()).isBetween(0.0, 100.0);
    assertThat(c.fingerprint()).isNotZero();
  }

  @Test
  void theVersionNamesTheReaderAndChangesWithTheConfiguration(@TempDir Path dir) throws IOException {
    RuleClassifier learned = ConfigDir.classifier();
    RuleClassifier rules = ConfigDir.rules();
    assertThat(learned.version()).matches("learned-[0-9a-f]{12}");
    assertThat(rules.version()).matches("rules-[0-9a-f]{12}");
    // the same files give the same version
    for (String f : List.of("actors.yaml", "topics.yaml", "tension.yaml")) {
      Files.copy(ConfigDir.find().resolve(f), dir.resolve(f));
    }
    assertThat(Classifiers.load(dir, false).version()).isEqualTo(rules.version());
    // one more word in the topic taxonomy is another classifier
    Files.writeString(dir.resolve("topics.yaml"), Files.readString(dir.resolve("topics.yaml")) + "\n# edited\n");
    assertThat(Classifiers.load(dir, false).version()).startsWith("rules-").isNotEqualTo(rules.version());
    // so is the same configuration with another reader model
    var other = learned.reader().model();
    var tweaked = new org.watchfloor.classify.reader.ReaderModel(other.format(), other.version(),
        other.description(), other.bits(), other.leadSentences(), other.restWeight(), other.gateCap() + 0.01,
        other.thresholds(), other.ungatedTopics(), other.models());
    assertThat(rules.withReader(new org.watchfloor.classify.reader.NewsReader(tweaked)).version())
        .startsWith("learned-").isNotEqualTo(learned.version());
    assertThat(rules.withReader(learned.reader()).version()).isEqualTo(learned.version());
  }

  @Test
  void aMissingFileFailsNamingIt(@TempDir Path dir) throws IOException {
    Files.copy(ConfigDir.find().resolve("actors.yaml"), dir.resolve("actors.yaml"));
    assertThatThrownBy(() -> Classifiers.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topics.yaml")
        .hasMessageContaining("file not found");
  }

  @Test
  void aTypoInAKeyFailsWithFileAndKey(@TempDir Path dir) throws IOException {
    Files.copy(ConfigDir.find().resolve("actors.yaml"), dir.resolve("actors.yaml"));
    Files.copy(ConfigDir.find().resolve("topics.yaml"), dir.resolve("topics.yaml"));
    Files.writeString(dir.resolve("tension.yaml"),
        "event_classes:\n  - {id: fight, goldstien: -10, terms: [fighting]}\n");
    assertThatThrownBy(() -> Classifiers.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tension.yaml")
        .hasMessageContaining("goldstien");
  }

  @Test
  void aGoldsteinValueOutOfRangeIsRejected(@TempDir Path dir) throws IOException {
    Files.copy(ConfigDir.find().resolve("actors.yaml"), dir.resolve("actors.yaml"));
    Files.copy(ConfigDir.find().resolve("topics.yaml"), dir.resolve("topics.yaml"));
    Files.writeString(dir.resolve("tension.yaml"),
        "event_classes:\n  - {id: fight, goldstein: -12, terms: [fighting]}\n");
    assertThatThrownBy(() -> Classifiers.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("event_classes[0].goldstein");
  }

  @Test
  void isThreadSafe() throws Exception {
    RuleClassifier classifier = ConfigDir.classifier();
    List<DevArticle> articles = DevSet.load(DevSet.defaultDir());
    List<Classification> sequential = articles.stream()
        .map(a -> classifier.classify(new ArticleText(a.title(), a.text(), null, null))).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Classification>> futures = IntStream.range(0, articles.size() * 3)
          .mapToObj(i -> articles.get(i % articles.size()))
          .map(a -> pool.submit(() -> classifier.classify(new ArticleText(a.title(), a.text(), null, null))))
          .toList();
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % articles.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
