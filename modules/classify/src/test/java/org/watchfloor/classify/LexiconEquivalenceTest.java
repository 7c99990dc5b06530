package org.watchfloor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.classify.bench.ClassifyBenchmark;
import org.watchfloor.classify.eval.DevArticle;
import org.watchfloor.classify.eval.DevSet;
import org.watchfloor.classify.text.Lexicon;

/**
 * The lexicon is a speed device only: the shipped classifier, whose matchers look tokens up by their lexicon ids,
 * classifies every text exactly as the same classifier without a lexicon, whose matchers look every token up by its
 * string.
 */
class LexiconEquivalenceTest {
  private static final RuleClassifier FAST = ConfigDir.rules();
  private static final RuleClassifier SLOW =
      new RuleClassifier(FAST.actors(), FAST.topics(), FAST.tension(), Lexicon.EMPTY, null);

  @Test
  void theShippedMatchersAllUseTheLexicon() {
    Lexicon lexicon = FAST.lexicon();
    assertThat(lexicon.size()).isGreaterThan(1000);
    assertThat(FAST.actors().indexedBy(lexicon)).as("actors").isTrue();
    assertThat(FAST.topics().indexedBy(lexicon)).as("topics").isTrue();
    assertThat(FAST.tension().indexedBy(lexicon)).as("tension").isTrue();
  }

  @Test
  void everyDevAndBenchArticleClassifiesAlikeWithAndWithoutTheLexicon() {
    List<ArticleText> texts = new ArrayList<>();
    for (DevArticle a : DevSet.load(DevSet.defaultDir())) {
      texts.add(new ArticleText(a.title(), a.text(), null, a.id()));
    }
    for (DevArticle a : DevSet.load(DevSet.trainDir())) {
      texts.add(new ArticleText(a.title(), a.text(), null, a.id()));
    }
    texts.addAll(List.of(ClassifyBenchmark.fourKilobyteArticles(DevSet.load(DevSet.defaultDir()))));
    assertThat(texts).hasSizeGreaterThan(400);
    for (ArticleText t : texts) {
      assertThat(FAST.explain(t)).as(t.source()).isEqualTo(SLOW.explain(t));
    }
  }

  @Test
  void wordsOutsideTheLexiconAndOddShapesClassifyAlike() {
    String[] texts = {
        "Koreans and North Koreans protest. U.S. and R.O.K. forces didn't drill; the DPRK's envoy can't say.",
        "Erdo\u011fan met S\u00e1nchez in Ankara; T\u00fcrkiye and Espa\u00f1a signed a trade deal.",
        "Warships crossed the Gulf of Finland and the South China Sea as missiles were tested and launched.",
        "President Kim Jong Un's sister warned Seoul. Dr. Smith, an analyst, said Pyongyang's testings continue.",
        "\u041c\u043e\u0441\u043a\u0432\u0430 \u0438 \u041a\u0438\u0435\u0432: shelling killed 12 civilians; "
            + "sanctioned, sanctioning, sanctions, deployed, deploying, re-deployed.",
        "Sa'ar said Israel's jets struck Hezbollah's depots in Lebanon; dozens were killed.",
    };
    for (String text : texts) {
      ArticleText t = new ArticleText("", text, "en", "test");
      assertThat(FAST.explain(t)).as(text).isEqualTo(SLOW.explain(t));
    }
  }
}
