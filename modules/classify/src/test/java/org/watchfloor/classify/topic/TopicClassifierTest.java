package org.watchfloor.classify.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.classify.ArticleText;
import org.watchfloor.classify.ConfigDir;
import org.watchfloor.classify.text.Tokens;
import org.watchfloor.model.TopicScore;
import org.watchfloor.model.config.ConfigException;

class TopicClassifierTest {
  private static List<String> topics(String title, String text) {
    return ConfigDir.rules().classify(new ArticleText(title, text, "en", null)).topics().stream()
        .map(TopicScore::id).toList();
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', value = {
      "North Korea fires ICBM        | The intercontinental ballistic missile flew for 70 minutes.                 | nuclear_missiles",
      "EU adopts sanctions package   | The package freezes assets and extends the oil price cap.                  | sanctions",
      "Allies begin joint exercise   | The combined exercise practises interoperability between the alliance.     | alliances_exercises",
      "Hackers hit ministry          | A ransomware attack encrypted servers; the malware spread to other networks.| cyber",
      "Famine warning                | The World Food Programme said malnutrition was spreading and food aid ran out.| humanitarian",
      "Coast guard blocks supply boat| A water cannon hit the vessel near the shoal in the South China Sea.        | border_maritime",
      "Opposition wins election      | The ruling party lost its majority in parliament.                          | domestic_politics",
      "Tariffs hit exports           | The trade deficit widened as tariffs cut exports and the currency fell.     | economy_trade",
      "Leaders hold summit           | The foreign ministers held talks and issued a joint statement.             | diplomacy",
      "Suicide bombing kills 12      | The Islamic State group claimed the terrorist attack.                      | terrorism",
      "Defectors describe camps      | The human rights report documented torture and forced labour.              | human_rights",
      "Artillery pounds front line   | Troops and tanks moved to the front line as the brigade came under shelling.| military",
  })
  void labelsEachTopicFromItsEvidence(String title, String text, String topic) {
    assertThat(topics(title, text)).contains(topic);
  }

  @Test
  void aSportStoryNamingCountriesHasNoTopic() {
    assertThat(topics("China beats Japan in table tennis final",
        "China won the gold medal after beating Japan 3-1; South Korea took the bronze.")).isEmpty();
  }

  @Test
  void scoresCarryTheirEvidenceTerms() {
    TopicScore sanctions = ConfigDir.rules()
        .classify(new ArticleText("New sanctions", "The embargo and sanctions hit exports.", "en", null))
        .topics().stream().filter(t -> t.id().equals("sanctions")).findFirst().orElseThrow();
    assertThat(sanctions.score()).isBetween(0.5, 1.0);
    assertThat(sanctions.evidence()).contains("sanction", "embargo");
  }

  @Test
  void negativeTermsCancelMisleadingOnes() {
    TopicClassifier c = TopicClassifier.of(new TopicsConfig(0.5, 1.0, 1.0, null, List.of(
        new TopicsConfig.TopicEntry("economy_trade", "Economy", Map.of("trade", 2.0, "traded accusations", -2.0),
            null, null))), "topics.yaml");
    assertThat(c.score(Tokens.of("Trade grew."), 0)).extracting(TopicScore::id).containsExactly("economy_trade");
    assertThat(c.score(Tokens.of("The two sides traded accusations."), 0)).isEmpty();
  }

  @Test
  void weakTermsAloneDoNotKeepATopic() {
    TopicClassifier c = TopicClassifier.of(new TopicsConfig(0.5, 1.0, 1.0, null, List.of(
        new TopicsConfig.TopicEntry("domestic_politics", "Domestic", Map.of("election", 2.0, "vote", 1.0),
            List.of("election"), null))), "topics.yaml");
    assertThat(c.score(Tokens.of("Election looms. The election was named in the talks."), 1)).isEmpty();
    assertThat(c.score(Tokens.of("Election looms. Voters cast their vote in the election."), 1))
        .singleElement().satisfies(t -> assertThat(t.evidence()).containsExactly("election", "vote"));
  }

  @Test
  void backgroundTermsDoNotCountInABackgroundSentence() {
    TopicClassifier c = TopicClassifier.of(new TopicsConfig(0.5, 1.0, 1.0, List.of("anniversary", "memorial"),
        List.of(new TopicsConfig.TopicEntry("military", "Military", Map.of("war", 2.0, "artillery", 2.0), null,
            List.of("war")))), "topics.yaml");
    // the background word may come before or after the term in its sentence
    assertThat(c.score(Tokens.of("They marked the anniversary of the war. The war memorial was cleaned."), 0))
        .isEmpty();
    assertThat(c.score(Tokens.of("They marked the anniversary. The war goes on."), 0))
        .extracting(TopicScore::id).containsExactly("military");
    // only listed background terms are cancelled
    assertThat(c.score(Tokens.of("Artillery fired on the anniversary."), 0))
        .extracting(TopicScore::id).containsExactly("military");
  }

  @Test
  void aWeakOrBackgroundTermOutsideTheTermsIsAConfigError() {
    assertThatThrownBy(() -> TopicClassifier.of(new TopicsConfig(null, null, null, null,
        List.of(new TopicsConfig.TopicEntry("t", "T", Map.of("war", 1.0), List.of("wars"), null))), "topics.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topics[0].weak_terms");
    assertThatThrownBy(() -> TopicClassifier.of(new TopicsConfig(null, null, null, null,
        List.of(new TopicsConfig.TopicEntry("t", "T", Map.of("war", 1.0), null, List.of("army")))), "topics.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topics[0].background_terms");
  }

  @Test
  void aTopicWithoutTermsIsAConfigError() {
    assertThatThrownBy(() -> TopicClassifier.of(new TopicsConfig(null, null, null, null,
        List.of(new TopicsConfig.TopicEntry("empty", "Empty", Map.of(), null, null))), "topics.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topics.yaml")
        .hasMessageContaining("topics[0].terms");
  }
}
