package org.watchfloor.classify.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.watchfloor.classify.ArticleText;
import org.watchfloor.classify.ConfigDir;
import org.watchfloor.classify.RuleClassifier;
import org.watchfloor.model.TensionLevel;

/**
 * The built-in reader on sentences written for these tests, in the shapes the rules got wrong on real news (issue
 * 14): conflict words in sport and culture, agreements between rivals, denials. Its quality on real news is measured
 * by {@code watchfloor model eval}, not here.
 */
class NewsReaderTest {
  private static final RuleClassifier CLASSIFIER = ConfigDir.classifier();

  private static RuleClassifier.Explained read(String title, String text) {
    return CLASSIFIER.explain(new ArticleText(title, text, "en", null));
  }

  private static TensionLevel level(String title, String text) {
    return read(title, text).classification().tension().level();
  }

  @Test
  void theShippedConfigurationReadsWithTheLearnedReader() {
    assertThat(CLASSIFIER.reader()).isNotNull();
    assertThat(read("Title", "Text.").reading()).isNotNull();
  }

  @Test
  void aMatchReportIsNotATensionEventEvenWhenItMentionsProtesters() {
    RuleClassifier.Explained e = read("Late header sends hosts into the quarter-finals",
        "The hosts fought back from a goal down to beat their rivals 2-1 in a tense World Cup last-16 match on Sunday. "
            + "The captain attacked the near post in stoppage time and headed the winner. "
            + "Outside the stadium, a small group of protesters fighting for women's rights waved banners before "
            + "kick-off. The coach said his players had shown the spirit of warriors.");
    assertThat(e.classification().tension().level()).isIn(TensionLevel.LOW, TensionLevel.GUARDED);
    assertThat(e.reading().gate()).isLessThan(0.5);
  }

  @Test
  void aTitleFightAndAWarFilmReviewStayLow() {
    assertThat(level("Champion retains heavyweight title with brutal knockout",
        "The champion battered his challenger for eleven rounds before a left hook ended the fight in Las Vegas on "
            + "Saturday night. The challenger had promised to go to war in the ring. The rematch clause is expected "
            + "to be triggered."))
        .isIn(TensionLevel.LOW, TensionLevel.GUARDED);
    assertThat(level("Review: a harrowing war epic about the siege of a city",
        "The film follows a young soldier through the bombing of his home town and the long siege that followed. "
            + "The director stages the battle scenes with terrifying realism, and the explosions shake the cinema. "
            + "It opens in cinemas on Friday."))
        .isIn(TensionLevel.LOW, TensionLevel.GUARDED);
  }

  @Test
  void leadersAgreeingToRestoreHotlinesIsNotHigh() {
    assertThat(level("Leaders agree to restore military hotlines after summit",
        "The two presidents agreed on Wednesday to restore military-to-military communication channels that were "
            + "cut last year, and to resume talks between their defence ministers. Both sides described the meeting "
            + "as candid and constructive."))
        .isIn(TensionLevel.LOW, TensionLevel.GUARDED);
  }

  @Test
  void aDenialOfAnAttackIsNotSevere() {
    assertThat(level("No indication of an imminent attack, minister says",
        "The defence minister said on Tuesday there was no indication that the neighbouring army was preparing an "
            + "attack, and urged citizens not to believe rumours spread online. Troop movements near the border were "
            + "part of a routine rotation, he said."))
        .isIn(TensionLevel.LOW, TensionLevel.GUARDED, TensionLevel.ELEVATED);
  }

  @Test
  void aMissileLaunchAndADeadlyStrikeRateHigh() {
    RuleClassifier.Explained missile = read("North Korea fires ballistic missile into the sea",
        "North Korea fired a short-range ballistic missile off its east coast on Thursday, South Korea's Joint "
            + "Chiefs of Staff said. Japan said the missile fell outside its exclusive economic zone. Seoul and "
            + "Washington condemned the launch as a violation of UN Security Council resolutions.");
    assertThat(missile.classification().tension().level()).isIn(TensionLevel.ELEVATED, TensionLevel.HIGH);
    assertThat(missile.reading().gate()).isGreaterThan(0.5);
    assertThat(missile.classification().tension().evidence()).isNotEmpty();

    RuleClassifier.Explained strike = read("Air strikes kill dozens in besieged city",
        "Air strikes on a crowded market killed at least 40 people and wounded more than 100 on Monday, health "
            + "officials said, as government forces pressed their offensive against rebel-held districts. Fighting "
            + "continued overnight on the city's outskirts.");
    assertThat(strike.classification().tension().level()).isIn(TensionLevel.HIGH, TensionLevel.SEVERE);
    assertThat(strike.classification().tension().evidence().get(0)).contains("killed at least 40");
    // the evidence carries the reader's reading: the sentence, its class and how severe it reads alone
    assertThat(strike.classification().tension().reading()).hasSameSizeAs(strike.classification().tension().evidence());
    assertThat(strike.classification().tension().reading().get(0).eventClass()).isEqualTo("mcf");
    assertThat(strike.classification().tension().reading().get(0).severity()).isGreaterThanOrEqualTo(3.0);
  }

  @Test
  void everySentenceIsReadWithProbabilitiesThatSumToOne() {
    NewsReader.Reading r = read("Troops clash on the border",
        "Soldiers from both countries clashed on the disputed border on Friday. Two were injured.").reading();
    assertThat(r.sentences()).hasSizeGreaterThanOrEqualTo(3);
    for (NewsReader.SentenceReading s : r.sentences()) {
      double sum = 0;
      for (double p : s.severity()) {
        sum += p;
      }
      assertThat(sum).isCloseTo(1.0, within(1e-9));
      assertThat(s.eventClass()).isIn("none", "vcp", "mcp", "vcf", "mcf");
    }
    assertThat(r.sentences().get(0).weight()).isEqualTo(1.0);
  }

  @Test
  void theScoreBandsFollowTheCalibratedThresholds() {
    double[] t = {0.6, 1.5, 2.4, 3.3};
    assertThat(NewsReader.score(0, t)).isZero();
    assertThat(NewsReader.score(0.6, t)).isCloseTo(20, within(1e-9));
    assertThat(NewsReader.score(1.5, t)).isCloseTo(40, within(1e-9));
    assertThat(NewsReader.score(2.4, t)).isCloseTo(60, within(1e-9));
    assertThat(NewsReader.score(3.3, t)).isCloseTo(80, within(1e-9));
    assertThat(NewsReader.score(4, t)).isCloseTo(100, within(1e-9));
    assertThat(TensionLevel.of(NewsReader.score(2.39, t))).isEqualTo(TensionLevel.ELEVATED);
    assertThat(TensionLevel.of(NewsReader.score(2.41, t))).isEqualTo(TensionLevel.HIGH);
  }
}
