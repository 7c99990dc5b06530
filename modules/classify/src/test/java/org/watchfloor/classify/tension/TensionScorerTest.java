package org.watchfloor.classify.tension;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.classify.ArticleText;
import org.watchfloor.classify.Classification;
import org.watchfloor.classify.ConfigDir;
import org.watchfloor.classify.RuleClassifier;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.TensionLevel;

class TensionScorerTest {
  private static final RuleClassifier CLASSIFIER = ConfigDir.rules();

  private static Classification classify(String text) {
    return CLASSIFIER.classify(new ArticleText("", text, "en", null));
  }

  private static double score(String text) {
    return classify(text).tension().score();
  }

  @ParameterizedTest(name = "{1} scores below {0}")
  @CsvSource(delimiter = '|', value = {
      // negation and denial
      "North Korea fired a ballistic missile on Monday.           | South Korea said it was not seeing signs that North Korea fired a ballistic missile.",
      "Russia is planning a new mobilisation.                     | The Kremlin denied that Russia was planning a new mobilisation.",
      "Chinese warships entered Taiwan's territorial waters.      | Taiwan said no Chinese warships entered its territorial waters.",
      // hedging and conditionals
      "North Korea conducted a nuclear test on Sunday.            | North Korea could conduct a nuclear test, analysts say.",
      "Israel launched air strikes on Lebanon on Monday.          | Israel may launch air strikes on Lebanon if the rockets continue.",
      // reported history
      "North Korean troops attacked the border post on Monday.    | In 1968 North Korean troops attacked the presidential palace.",
      "The summit collapsed amid missile launches this week.      | The 2019 summit in Hanoi collapsed amid a row over missile launches.",
      "Russian forces captured the village.                       | Veterans commemorated the anniversary of the battle in which Soviet forces captured the village.",
      // rhetoric against action
      "North Korean artillery shelled the island on Tuesday.      | North Korea vowed to shell the island, calling the drills a provocation.",
      // natural causes against conflict
      "Militants killed 30 people in the province.                | A typhoon killed 30 people in the province.",
  })
  void contextWeakensEvents(String actual, String qualified) {
    assertThat(score(qualified)).isLessThan(score(actual));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', value = {
      "Russian forces launched an offensive and fighting raged along the front line, with heavy casualties. | SEVERE",
      "North Korea fired a ballistic missile into the sea off its east coast on Tuesday.                   | HIGH",
      "The EU imposed new sanctions on Russia on Monday.                                                  | HIGH",
      "China's aircraft carrier sailed through the Taiwan Strait on Thursday, Taiwan said.                  | ELEVATED",
      "The two leaders held talks and signed a trade deal at the summit.                                  | LOW",
      "South Korea and North Korea played to a goalless draw in a World Cup qualifier.                    | LOW",
  })
  void levelsFollowTheGoldsteinClasses(String text, TensionLevel expected) {
    TensionLevel got = classify(text).tension().level();
    assertThat(Math.abs(got.ordinal() - expected.ordinal())).as("level %s", got).isLessThanOrEqualTo(1);
    assertThat(got).isEqualTo(expected);
  }

  @Test
  void reportsTheSentencesThatWeighedMost() {
    Classification c = classify("The weather was mild. North Korea fired a ballistic missile on Monday. "
        + "Markets were calm.");
    assertThat(c.tension().evidence()).first().asString().contains("fired a ballistic missile");
    assertThat(c.tension().goldsteinMean()).isNegative();
  }

  @Test
  void dyadRunsFromTheActorToItsTarget() {
    Classification c = classify("North Korea fired a ballistic missile toward Japan on Monday.");
    assertThat(c.dyads()).extracting(Dyad::source, Dyad::target, Dyad::eventClass)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PRK", "JPN", "test_weapons"));
    assertThat(c.dyads().get(0).goldstein()).isEqualTo(-7.0);
  }

  @Test
  void passiveVoiceAgentBecomesTheSource() {
    Classification c = classify("Russia was sanctioned by the European Union on Monday.");
    assertThat(c.dyads()).extracting(Dyad::source, Dyad::target).containsExactly(
        org.assertj.core.groups.Tuple.tuple("eu", "RUS"));
  }

  @Test
  void dyadTargetIsAnotherCountryNotTheSourceItself() {
    Classification c = classify("Russian forces attacked Ukrainian positions near Kharkiv on Monday.");
    assertThat(c.dyads()).extracting(Dyad::source, Dyad::target)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("RUS", "UKR"));
  }

  @Test
  void deniedEventsYieldNoDyad() {
    Classification c = classify("Iran denied that it attacked Israel.");
    assertThat(c.dyads()).isEmpty();
  }

  @Test
  void textWithoutEventsGetsTheBaseline() {
    Classification c = classify("The museum opened a new wing of paintings.");
    assertThat(c.tension().level()).isEqualTo(TensionLevel.LOW);
    assertThat(c.tension().evidence()).isEmpty();
    assertThat(c.dyads()).isEmpty();
  }
}
