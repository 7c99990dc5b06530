package org.watchfloor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DyadTest {
  private static final Dyad PRK_KOR = new Dyad("PRK", "KOR", "THREATEN", -7.0, "Pyongyang threatened Seoul.");

  @Test
  void theKeyIsSourceThenTargetSeparatedByAnAngleBracket() {
    assertThat(PRK_KOR.key()).isEqualTo("PRK>KOR").isEqualTo(Dyad.key("PRK", "KOR"));
    assertThat(Dyad.sourceOf(PRK_KOR.key())).isEqualTo("PRK");
    assertThat(Dyad.isKey(PRK_KOR.key())).isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "PRK", "PRK>", ">KOR", "PRK>KOR>JPN", "PRK >KOR", "PRK> KOR", "P RK>KOR"})
  void textThatIsNotTwoIdsAroundOneBracketIsNoKey(String text) {
    assertThat(Dyad.isKey(text)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"PRK>KOR, PRK", "unresolved:kim>USA, unresolved:kim", "Q42>Q1, Q42"})
  void theSourceIsWhatComesBeforeTheBracket(String key, String source) {
    assertThat(Dyad.isKey(key)).isTrue();
    assertThat(Dyad.sourceOf(key)).isEqualTo(source);
  }

  @Test
  void aStringWithoutBracketHasNoSource() {
    assertThatThrownBy(() -> Dyad.sourceOf("PRK")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'PRK'");
  }

  @Test
  void theKeyIsNotPartOfTheRecordsJson() {
    String json = Json.writeString(PRK_KOR);
    assertThat(json).isEqualTo("{\"source\":\"PRK\",\"target\":\"KOR\",\"event_class\":\"THREATEN\","
        + "\"goldstein\":-7.0,\"sentence\":\"Pyongyang threatened Seoul.\"}");
  }
}
