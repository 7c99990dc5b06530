package org.watchfloor.classify.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.classify.ArticleText;
import org.watchfloor.classify.ConfigDir;
import org.watchfloor.model.TopicScore;

/**
 * Evidence terms whose stem or words also name something outside their topic ("aide" stems to "aid", "allies" to
 * "all", "according" to "accord") must not label that other sense, while the topical sense still labels.
 */
class TopicTermSenseTest {
  private static List<String> topics(String title, String text) {
    return ConfigDir.rules().classify(new ArticleText(title, text, "en", null)).topics().stream()
        .map(TopicScore::id).toList();
  }

  @ParameterizedTest(name = "{0} -> not {2}")
  @CsvSource(delimiter = '|', value = {
      "All flights cancelled           | All schools and all offices closed on Monday.                          | alliances_exercises",
      "Output rose, according to data  | According to the statistics office, output rose according to plan.      | diplomacy",
      "Wounded treated in hospital     | Twelve people were treated for injuries after the crash.               | diplomacy",
      "Senior aide resigns             | A senior aide to the president resigned on Monday.                     | humanitarian",
      "Police break arms trafficking ring | Police arrested members of an arms trafficking ring.                | military",
      "Poles mark independence day     | Poles marched through Warsaw.                                          | domestic_politics",
      "Think tank publishes report     | The think tank said the report took a year to write.                   | military",
      "Suicide bomber kills 14         | A suicide bomber blew himself up among shoppers at a market.           | military",
      "Blast at military academy       | A suicide bomber struck recruits outside a military academy.           | military",
      "Missile and drone attack hits Kyiv | Russia fired missiles and drones at the capital overnight.          | nuclear_missiles",
      "Survey ship in exclusive economic zone | The ship stayed inside the exclusive economic zone for a week.   | economy_trade",
      "Police fire tear gas            | Police fired tear gas at the crowd.                                    | economy_trade",
      "Beijing lodges diplomatic protest | China lodged a protest with Tokyo over the report.                   | domestic_politics",
      "China voices firm opposition    | Beijing said it had expressed firm opposition to the plan.             | domestic_politics",
      "Spy agency sees no test sign    | The agency told lawmakers it had seen no sign of a test.               | domestic_politics",
      "Trade war deepens               | The trade war hit exporters as the trade war dragged on.               | military",
      "Iran seeks sanctions relief     | Tehran wants sanctions relief in any deal.                             | humanitarian",
      "Veterans mark outbreak of the Korean War | They laid wreaths on the anniversary of the outbreak of the Korean War. | humanitarian",
      "Hungary blocks military aid     | The bloc failed to agree on military aid for Kyiv.                      | humanitarian",
  })
  void anAmbiguousWordDoesNotLabelItsOtherSense(String title, String text, String topic) {
    assertThat(topics(title, text)).doesNotContain(topic);
  }

  /**
   * Weak terms (topics.yaml {@code weak_terms}) name a topic in passing in stories about something else: alone they
   * do not keep it. Background terms ({@code background_terms}) of a past war do not count in a sentence that
   * commemorates ({@code background_words}).
   */
  @ParameterizedTest(name = "{0} -> not {2}")
  @CsvSource(delimiter = '|', value = {
      "EU sanctions Belarus officials  | The bloc first imposed sanctions after a disputed presidential election. | domestic_politics",
      "Spy agency sees test preparations | Pyongyang might time a test to coincide with the US election, lawmakers heard. | domestic_politics",
      "China protests visit by US lawmakers | The lawmakers met the president in Taipei.                      | domestic_politics",
      "Veterans mark armistice anniversary | They marked the anniversary of the armistice that ended the fighting in the war. Wreaths were laid at a memorial for the soldiers who died in the war. | military",
  })
  void aPassingOrCommemorativeMentionDoesNotLabel(String title, String text, String topic) {
    assertThat(topics(title, text)).doesNotContain(topic);
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "Allies back Kyiv                | NATO allies and the alliance pledged more support.                     | alliances_exercises",
      "Peace treaty signed             | The two countries signed a peace treaty and an accord on borders.       | diplomacy",
      "Leaders sign border pact        | The leaders signed an accord and said the treaty would hold.           | diplomacy",
      "Aid convoy reaches city         | The aid convoy brought food aid to displaced families.                 | humanitarian",
      "Army moves to the front line    | The army sent troops and artillery to the front line.                  | military",
      "North Korea fires missile       | The missile was launched from near Pyongyang.                          | nuclear_missiles",
      "Opposition wins election        | The opposition took a majority of seats in parliament.                 | domestic_politics",
      "Japan votes in general election | Millions cast their vote in the election on Sunday.                    | domestic_politics",
      "Russia holds drills on anniversary of annexation | Warships and aircraft began live-fire drills off Crimea on the anniversary, the defence ministry said. | military",
  })
  void theTopicalSenseStillLabels(String title, String text, String topic) {
    assertThat(topics(title, text)).contains(topic);
  }
}
