package org.watchfloor.learn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.TensionLevel;

class RealNewsSetTest {
  @TempDir Path labels;
  @TempDir Path cache;

  private static final String LABELS = """
      - id: t-001
        url: https://example.org/1
        date: 2024-05
        theatre: korea
        kind: conflict
        story: one
        political: true
        level: HIGH
        accepted: [HIGH, ELEVATED]
        states: [PRK]
        people: []
        topics: [military]
        sents: ["0 mcf 3 act", "1 mcf 3 act"]
      - id: t-002
        url: https://example.org/2
        kind: hard_negative
        subject: sport
        theatre: none
        story: two
        political: false
        level: LOW
        accepted: [LOW]
        states: []
        people: []
        topics: []
        sents: ["0 none 0"]
      - id: t-003
        url: https://example.org/3
        kind: conflict
        theatre: none
        story: three
        political: true
        level: LOW
        accepted: [LOW]
        states: []
        people: []
        topics: []
        sents: ["0 none 0"]
      """;

  @Test
  void labelsSpansAndCachedTextMakeArticles() throws IOException {
    Files.createDirectories(labels.resolve("labels"));
    Files.createDirectories(labels.resolve("spans"));
    Files.createDirectories(cache.resolve("raw"));
    Files.writeString(labels.resolve("labels/t.yaml"), LABELS);
    // spans count code points: "Missile test é" is 14 code points; the text starts at 15
    Files.writeString(cache.resolve("raw/t-001.txt"),
        "https://example.org/1\nMissile test \u00e9\n\nThe army fired a missile \ud83d\ude80 on Monday.\n");
    Files.writeString(cache.resolve("raw/t-002.txt"), "https://example.org/2\nA match\n\nThe match was drawn.\n");
    Files.writeString(labels.resolve("spans/t.tsv"), "id\tidx\tstart\tend\tsha1\tclass\tseverity\tflags\n"
        + "t-001\t0\t0\t14\t" + RealNewsSet.sha1("Missile test \u00e9") + "\tmcf\t3\tact\n"
        + "t-001\t1\t15\t52\t" + RealNewsSet.sha1("The army fired a missile \ud83d\ude80 on Monday.") + "\tmcf\t3\tact\n"
        + "t-002\t0\t0\t7\tdeadbeef00\tnone\t0\t\n");
    RealNewsSet.Loaded loaded = RealNewsSet.load(labels, cache);
    assertThat(loaded.articles()).extracting(LabelledArticle::id).containsExactly("t-001", "t-002");
    assertThat(loaded.changed()).containsExactly("t-002");
    assertThat(loaded.missing()).containsExactly("t-003");
    assertThat(loaded.articles().get(1).sentences()).isEmpty();
    assertThat(loaded.articles().get(1).level()).isEqualTo(TensionLevel.LOW);
    LabelledArticle a = loaded.articles().get(0);
    assertThat(a.level()).isEqualTo(TensionLevel.HIGH);
    assertThat(a.accepted()).containsExactly(TensionLevel.HIGH, TensionLevel.ELEVATED);
    assertThat(a.sentences()).hasSize(2);
    String doc = a.title() + "\n" + a.text();
    assertThat(doc.substring(a.sentences().get(1).start(), a.sentences().get(1).end()))
        .isEqualTo("The army fired a missile \ud83d\ude80 on Monday.");
  }
}
