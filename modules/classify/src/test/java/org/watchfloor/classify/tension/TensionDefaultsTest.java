package org.watchfloor.classify.tension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.classify.ConfigDir;
import org.watchfloor.classify.eval.DevArticle;
import org.watchfloor.classify.eval.DevSet;
import org.watchfloor.classify.text.Tokens;
import org.watchfloor.model.config.YamlFiles;

/** A tension.yaml without its aggregation section scores as the shipped one: the code's defaults are its values. */
class TensionDefaultsTest {
  @Test
  void leavingOutTheAggregationSectionChangesNoScore() {
    TensionConfig shipped = YamlFiles.read(ConfigDir.find().resolve(Classifiers.TENSION_FILE), TensionConfig.class);
    assertThat(shipped.aggregation()).as("the shipped file sets the aggregation").isNotNull();
    TensionConfig bare = new TensionConfig(shipped.eventClasses(), shipped.modifiers(), null, shipped.casualties());
    TensionScorer full = TensionScorer.of(shipped, "shipped");
    TensionScorer defaults = TensionScorer.of(bare, "bare");

    List<DevArticle> articles = DevSet.load(DevSet.defaultDir());
    assertThat(articles).hasSizeGreaterThan(100);
    for (DevArticle a : articles) {
      Tokens t = Tokens.of(a.title() + "\n" + a.text());
      int title = Tokens.of(a.title()).size();
      assertThat(defaults.score(t, title, List.of()).tension().score())
          .as(a.id()).isEqualTo(full.score(t, title, List.of()).tension().score());
    }
  }
}
