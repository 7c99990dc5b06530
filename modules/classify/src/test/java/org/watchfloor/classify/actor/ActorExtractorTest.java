package org.watchfloor.classify.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.watchfloor.classify.ConfigDir;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.YamlFiles;

class ActorExtractorTest {
  private static final ActorExtractor ACTORS = ConfigDir.classifier().actors();

  private static Set<String> ids(String text) {
    return ACTORS.extract(text).actors().stream().map(ActorMention::id).collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0} -> contains {1}")
  @CsvSource(delimiter = '|', value = {
      "Pyongyang said the drills were a rehearsal for war.                 | PRK",
      "The DPRK fired a missile.                                           | PRK",
      "North Korean troops were seen near Kursk.                           | PRK",
      "Hundreds of North Koreans fled.                                     | PRK",
      "The U.S. and the ROK held talks.                                    | USA",
      "The U.S. and the ROK held talks.                                    | KOR",
      "US officials met their Chinese counterparts.                        | USA",
      "Seoul protested.                                                    | KOR",
      "The Kremlin said the talks were useful.                             | RUS",
      "The White House declined to comment.                                | USA",
      "Beijing's foreign ministry denied the report.                       | CHN",
      "Russia's defence ministry said drones were downed.                  | RUS",
      "Defense Secretary Pete Hegseth visited Seoul.                       | pete-hegseth",
      "Kim Jong-un watched the launch.                                     | kim-jong-un",
      "Kim Jong Un watched the launch. Kim said it was a success.          | kim-jong-un",
      "Jordan closed its airspace on Tuesday.                              | JOR",
      "Jordan's King Abdullah II met the president.                        | JOR",
      "The IAEA and NATO issued statements.                                | iaea",
      "The IAEA and NATO issued statements.                                | nato",
      "KCNA said the test succeeded.                                       | kcna",
      "The PLA sent warships.                                              | pla",
      "Türkiye hosted the talks in Ankara.                                 | TUR",
      "The Houthis fired at a ship.                                        | houthis",
      "Al-Qaeda claimed the attack; al-Qaeda fighters fled.                | al-qaeda",
      "Israel Katz said the operation would continue.                      | israel-katz",
      "President Xi told the visitors that talks should continue.          | xi-jinping",
  })
  void resolvesNamesAbbreviationsDemonymsAndMetonyms(String text, String expected) {
    assertThat(ids(text)).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> not {1}")
  @CsvSource(delimiter = '|', value = {
      "Let us not forget the victims.                                      | USA",
      "LET US PRAY FOR PEACE                                               | USA",
      "He told us nothing about it.                                        | USA",
      "Michael Jordan scored 40 points.                                    | JOR",
      "Coach Jordan Smith praised the team.                                | JOR",
      "The turkey was roasted for the holiday.                             | TUR",
      "We drank tea from fine china cups.                                  | CHN",
      "Kim said the team was ready.                                        | kim-jong-un",
      "Israel Katz said the operation would continue.                      | ISR",
      "Trade across Latin America grew.                                    | USA",
      "The chad of the ballot was hanging.                                 | TCD",
  })
  void rejectsWordsThatOnlyLookLikeNames(String text, String rejected) {
    assertThat(ids(text)).doesNotContain(rejected);
  }

  @Test
  void countsMentionsAndKeepsEverySurfaceForm() {
    List<ActorMention> actors = ACTORS.extract(
        "North Korea fired a missile. Pyongyang said the DPRK would continue. North Korea's KCNA agreed.").actors();
    ActorMention prk = actors.stream().filter(a -> a.id().equals("PRK")).findFirst().orElseThrow();
    assertThat(prk.count()).isEqualTo(4);
    assertThat(prk.surfaceForms()).containsExactly("North Korea", "Pyongyang", "DPRK");
    assertThat(prk.type()).isEqualTo("STATE");
    assertThat(prk.wikidata()).isEqualTo("Q423");
  }

  @Test
  void possessiveIsStrippedFromTheMatch() {
    ActorMention kor = ACTORS.extract("South Korea's military said so.").actors().get(0);
    assertThat(kor.id()).isEqualTo("KOR");
    assertThat(kor.surfaceForms()).containsExactly("South Korea");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Defense Secretary John Doe said the talks failed.        | unresolved:john-doe",
      "Analyst Jane Roe expects more tests.                     | unresolved:jane-roe",
      "said analyst Kim Dong-yub of a Seoul university.         | unresolved:kim-dong-yub",
      "Dr. Alan Grant warned of risks.                          | unresolved:alan-grant",
      "General Anna Berg commands the brigade.                  | unresolved:anna-berg",
  })
  void reportsTitledPeopleOutsideTheGazetteerAsUnresolved(String text, String expected) {
    List<ActorMention> actors = ACTORS.extract(text).actors();
    assertThat(actors).anySatisfy(a -> {
      assertThat(a.id()).isEqualTo(expected);
      assertThat(a.type()).isEqualTo(ActorExtractor.UNRESOLVED);
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "The UN General Assembly voted on Monday.",
      "Secretary of State Marco Rubio arrived.",
      "President Donald Trump spoke.",
  })
  void doesNotInventUnresolvedPeopleForKnownNamesOrBodies(String text) {
    assertThat(ACTORS.extract(text).actors()).noneSatisfy(a -> assertThat(a.type()).isEqualTo("UNRESOLVED"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Russian jets flew over the Gulf of Finland on Friday.|RUS",
      "Chinese and Russian warships sailed into the Sea of Japan.|CHN,RUS",
      "Philippine and Vietnamese boats collided in the South China Sea.|PHL,VNM",
      "A storm formed over the Gulf of Mexico.|",
      "Indian Ocean patrols by Australia grew.|AUS",
  })
  void aPlaceNamedAfterAStateDoesNotNameIt(String text, String expected) {
    Set<String> want = expected == null ? Set.of() : Set.of(expected.split(","));
    assertThat(ids(text)).isEqualTo(want);
  }

  @Test
  void theStateOutsideThePlaceNameIsStillFound() {
    assertThat(ids("Finland protested after jets crossed the Gulf of Finland.")).containsExactly("FIN");
    assertThat(ids("Japan said the drills in the Sea of Japan were hostile.")).containsExactly("JPN");
  }

  @Test
  void rejectsABadStateIdWithFileAndKey() {
    ActorsConfig bad = new ActorsConfig(null,
        List.of(new ActorsConfig.StateEntry("Korea", "Korea", null, null, null, null, null, null, null, null)),
        null, null, null, null, null);
    assertThatThrownBy(() -> ActorExtractor.of(bad, "actors.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("actors.yaml")
        .hasMessageContaining("states[0].id");
  }

  @Test
  void rejectsDuplicateIds() {
    ActorsConfig.ActorEntry un = new ActorsConfig.ActorEntry("un", "ORGANISATION", "United Nations", null, null,
        null, null, null, null, null, null, null);
    assertThatThrownBy(() -> ActorExtractor.of(new ActorsConfig(null, null, List.of(un, un), null, null, null, null),
        "a.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("duplicate id un");
  }

  @Test
  void everyStateOfTheGazetteerIsFoundByItsName() {
    ActorsConfig config = YamlFiles.read(ConfigDir.find().resolve("actors.yaml"), ActorsConfig.class);
    // 193 UN member states plus Taiwan, Palestine and the Holy See
    assertThat(config.states()).hasSize(196);
    assertThat(config.states()).extracting(ActorsConfig.StateEntry::id).doesNotHaveDuplicates();
    for (ActorsConfig.StateEntry state : config.states()) {
      assertThat(ids("Officials from " + state.name() + " attended."))
          .as(state.name())
          .contains(state.id());
    }
  }
}
