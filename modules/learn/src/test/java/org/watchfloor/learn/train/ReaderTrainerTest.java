package org.watchfloor.learn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.classify.ArticleText;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.classify.RuleClassifier;
import org.watchfloor.classify.reader.NewsReader;
import org.watchfloor.learn.data.LabelledArticle;
import org.watchfloor.learn.data.SentenceLabel;
import org.watchfloor.model.TensionLevel;

/** Training on articles written for this test: deterministic, and it learns what the labels say. */
class ReaderTrainerTest {
  @TempDir Path dir;

  static Path configDir() {
    Path d = Path.of("").toAbsolutePath();
    while (d != null && !Files.isRegularFile(d.resolve("config/actors.yaml"))) {
      d = d.getParent();
    }
    return d.resolve("config");
  }

  private static final RuleClassifier RULES = Classifiers.load(configDir(), false);

  /** An article whose every sentence gets the same class and severity; sentences end with ". ". */
  static LabelledArticle article(String id, TensionLevel level, boolean political, String cls, int severity,
      String title, String... sentences) {
    String text = String.join(" ", sentences);
    List<SentenceLabel> labels = new ArrayList<>();
    labels.add(new SentenceLabel(0, 0, title.length(), "", cls, severity, Set.of("act")));
    int at = title.length() + 1;
    for (int i = 0; i < sentences.length; i++) {
      labels.add(new SentenceLabel(i + 1, at, at + sentences[i].length(), "", cls, severity, Set.of("act")));
      at += sentences[i].length() + 1;
    }
    return new LabelledArticle(id, null, null, null, political ? "conflict" : "hard_negative", null, id, political,
        level, List.of(level), List.of(), List.of(), List.of(), labels, title, text);
  }

  static List<LabelledArticle> articles() {
    List<LabelledArticle> out = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      out.add(article("war" + i, TensionLevel.SEVERE, true, "mcf", 4, "Shelling kills " + (20 + i) + " in city",
          "Artillery shelling killed " + (20 + i) + " civilians in the city on Monday.",
          "The army launched a new offensive against the rebels.", "Fighting raged through the night."));
      out.add(article("sport" + i, TensionLevel.LOW, false, "none", 0, "Club wins the cup final " + i,
          "The club won the cup final " + (i + 2) + "-1 on Saturday.", "The striker scored twice in the second half.",
          "Fans celebrated in the streets."));
      out.add(article("talks" + i, TensionLevel.GUARDED, true, "vcf", 1, "Ministers trade accusations " + i,
          "The foreign ministers accused each other of bad faith at the meeting.",
          "Both sides protested in diplomatic notes.", "No military moves were reported."));
    }
    return out;
  }

  @Test
  void theSameDataGiveTheSameModelFile() throws IOException {
    ReaderTrainer.Settings s = new ReaderTrainer.Settings(12, 3, 0.5, 0.5, 5, 0.2, 11L, 3, false, true);
    Path a = dir.resolve("a.json.gz");
    Path b = dir.resolve("b.json.gz");
    new ReaderTrainer(RULES, s).train(articles(), List.of(), "test").model().write(a);
    new ReaderTrainer(RULES, s).train(articles(), List.of(), "test").model().write(b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void itLearnsWhatTheLabelsSay() {
    ReaderTrainer.Settings s = new ReaderTrainer.Settings(12, 3, 0.5, 0.5, 10, 0.3, 11L, 3, false, true);
    ReaderTrainer.Trained t = new ReaderTrainer(RULES, s).train(articles(), List.of(), "test");
    assertThat(t.articles()).isEqualTo(18);
    assertThat(t.sentences()).isEqualTo(18 * 4);
    RuleClassifier reader = RULES.withReader(new NewsReader(t.model()));
    NewsReader.Reading war = reader.explain(new ArticleText("Shelling kills dozens in town",
        "Artillery shelling killed 35 civilians in the town on Tuesday. The offensive continued.", "en", null))
        .reading();
    NewsReader.Reading sport = reader.explain(new ArticleText("Club wins the league",
        "The club won the league on Sunday. The striker scored twice.", "en", null)).reading();
    assertThat(war.gate()).as("war gate").isGreaterThan(0.5);
    assertThat(sport.gate()).as("sport gate").isLessThan(0.5);
    assertThat(war.expectedLevel()).isGreaterThan(sport.expectedLevel() + 1);
    assertThat(war.tension().level()).isGreaterThan(sport.tension().level());
    assertThat(sport.tension().level()).as("expected %s", sport.expectedLevel())
        .isIn(TensionLevel.LOW, TensionLevel.GUARDED);
  }
}
