package org.watchfloor.classify.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.classify.ConfigDir;
import org.watchfloor.classify.actor.ActorsConfig;
import org.watchfloor.model.config.YamlFiles;

class QualityReportTest {
  @Test
  void devSetIsLargeEnoughAndFullyLabelled() {
    List<DevArticle> articles = DevSet.load(DevSet.defaultDir());
    assertThat(articles).hasSizeGreaterThanOrEqualTo(200);
    assertThat(articles).extracting(DevArticle::id).doesNotHaveDuplicates();
    assertThat(articles).allSatisfy(a -> {
      assertThat(a.title()).isNotBlank();
      assertThat(a.text()).isNotBlank();
      assertThat(a.tension()).isNotNull();
    });
    List<String> topics = ConfigDir.classifier().topics().topicIds();
    assertThat(articles).flatExtracting(DevArticle::topics).allMatch(topics::contains);
  }

  @Test
  void everyLabelledActorIsAGazetteerId() {
    ActorsConfig gazetteer = YamlFiles.read(ConfigDir.find().resolve(Classifiers.ACTORS_FILE), ActorsConfig.class);
    Set<String> ids = new HashSet<>();
    gazetteer.states().forEach(s -> ids.add(s.id()));
    gazetteer.actors().forEach(a -> ids.add(a.id()));
    assertThat(ids).contains("PRK", "kim-jong-un").doesNotContain("Pyongyang");
    assertThat(DevSet.load(DevSet.defaultDir())).flatExtracting(DevArticle::actors).allMatch(ids::contains);
  }

  @Test
  void trainingArticlesAreLabelledAndOutsideBothHalves() {
    List<DevArticle> train = DevSet.load(DevSet.trainDir());
    assertThat(train).hasSizeGreaterThanOrEqualTo(30);
    Set<String> measured = new HashSet<>();
    DevSet.load(DevSet.defaultDir()).forEach(a -> measured.add(a.id()));
    assertThat(train).extracting(DevArticle::id).doesNotHaveDuplicates().noneMatch(measured::contains);
    ActorsConfig gazetteer = YamlFiles.read(ConfigDir.find().resolve(Classifiers.ACTORS_FILE), ActorsConfig.class);
    Set<String> ids = new HashSet<>();
    gazetteer.states().forEach(s -> ids.add(s.id()));
    gazetteer.actors().forEach(a -> ids.add(a.id()));
    List<String> topics = ConfigDir.classifier().topics().topicIds();
    assertThat(train).allSatisfy(a -> {
      assertThat(a.title()).isNotBlank();
      assertThat(a.text()).isNotBlank();
      assertThat(a.tension()).isNotNull();
      assertThat(a.actors()).allMatch(ids::contains);
      assertThat(a.topics()).allMatch(topics::contains);
    });
  }

  @Test
  void classifierMeetsSaneLowerBoundsOnBothHalves() {
    QualityReport.Report report = QualityReport.evaluate(ConfigDir.rules(), DevSet.load(DevSet.defaultDir()));
    for (Metrics m : List.of(report.tuning(), report.heldOut())) {
      // lower bounds well below the measured figures (see the report): they catch regressions, not noise
      assertThat(m.actorPrecision()).isGreaterThanOrEqualTo(0.90);
      assertThat(m.actorRecall()).isGreaterThanOrEqualTo(0.90);
      assertThat(m.topicMicroF1()).isGreaterThanOrEqualTo(0.75);
      assertThat(m.tensionWithinOne()).isGreaterThanOrEqualTo(0.90);
      assertThat(m.tensionExact()).isGreaterThanOrEqualTo(0.60);
      assertThat(m.spearman()).isGreaterThanOrEqualTo(0.75);
    }
  }

  @Test
  void spearmanHandlesTiesAndOrder() {
    assertThat(QualityReport.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40})).isEqualTo(1.0);
    assertThat(QualityReport.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1})).isEqualTo(-1.0);
    assertThat(QualityReport.ranks(new double[] {5, 1, 5})).containsExactly(2.5, 1.0, 2.5);
  }
}
