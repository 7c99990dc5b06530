package org.watchfloor.classify.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageIdentifierTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "en | North Korea fired a ballistic missile into the sea off its east coast on Tuesday, the military said.",
      "fr | La Corée du Nord a tiré un missile balistique en mer au large de sa côte est mardi, selon l'armée.",
      "de | Nordkorea hat am Dienstag eine ballistische Rakete ins Meer vor seiner Ostküste abgefeuert.",
      "es | Corea del Norte disparó un misil balístico al mar frente a su costa este el martes, dijo el ejército.",
      "ru | Северная Корея во вторник запустила баллистическую ракету в море у своего восточного побережья.",
      "ko | 북한이 화요일 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다.",
      "ja | 北朝鮮は火曜日、東の海に向けて弾道ミサイルを発射したと韓国軍が発表した。",
      "zh | 朝鲜周二向其东部海域发射了一枚弹道导弹，韩国军方表示。",
      "uk | Північна Корея у вівторок запустила балістичну ракету в море біля свого східного узбережжя.",
      "ar | أطلقت كوريا الشمالية صاروخا باليستيا في البحر قبالة ساحلها الشرقي يوم الثلاثاء.",
  })
  void identifiesNewsLanguages(String expected, String text) {
    assertThat(LanguageIdentifier.identify(text)).isEqualTo(expected);
  }

  @Test
  void aDeclaredLanguageWins() {
    assertThat(LanguageIdentifier.identify("North Korea fired a missile.", "fr-FR")).isEqualTo("fr");
  }

  @Test
  void blankTextIsUndetermined() {
    assertThat(LanguageIdentifier.identify("   ")).isEqualTo(LanguageIdentifier.UNDETERMINED);
    assertThat(LanguageIdentifier.identify(null, null)).isEqualTo(LanguageIdentifier.UNDETERMINED);
  }
}
