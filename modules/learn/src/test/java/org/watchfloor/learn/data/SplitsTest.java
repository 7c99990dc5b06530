package org.watchfloor.learn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.TensionLevel;

class SplitsTest {
  @TempDir Path dir;

  private static LabelledArticle article(String id, String story, String text) {
    return new LabelledArticle(id, null, null, null, "conflict", null, story, true, TensionLevel.LOW,
        List.of(TensionLevel.LOW), List.of(), List.of(), List.of(), List.of(), "Title " + id, text);
  }

  @Test
  void oneStoryAndSyndicatedCopiesLieOnOneSide() {
    String wire = "Officials from the two countries met in the capital on Monday to discuss trade and fishing rights "
        + "along the shared coast, a spokesman said after the talks ended.";
    List<LabelledArticle> articles = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      articles.add(article("a" + i, "story-" + i, "Unrelated text number " + i + " about event " + i * 7 + "."));
    }
    articles.add(article("s1", "summit", "First report of the summit in the capital."));
    articles.add(article("s2", "summit", "Second outlet on the same summit."));
    articles.add(article("w1", "wire-a", wire));
    articles.add(article("w2", "wire-b", wire + " Reporting by a correspondent."));
    List<Splits.Assignment> split = Splits.assign(articles, Map.of());
    Map<String, String> side = new HashMap<>();
    split.forEach(a -> side.put(a.id(), a.side()));
    assertThat(side.get("s1")).isEqualTo(side.get("s2"));
    assertThat(side.get("w1")).isEqualTo(side.get("w2"));
    long test = split.stream().filter(a -> a.side().equals(Splits.TEST)).count();
    assertThat(test).isBetween(5L, 30L);
  }

  @Test
  void aWrittenSideNeverChanges() {
    List<LabelledArticle> first = List.of(article("a", "x", "one"), article("b", "y", "two"));
    Path file = dir.resolve("split.tsv");
    Map<String, Splits.Assignment> forced = Map.of("a", new Splits.Assignment("a", "test", "x"),
        "b", new Splits.Assignment("b", "train", "y"));
    Splits.write(file, Splits.assign(first, forced));
    Map<String, Splits.Assignment> locked = Splits.read(file);
    assertThat(locked.get("a").side()).isEqualTo("test");
    // a later article about story x joins a's side, whatever its own hash says
    List<Splits.Assignment> next = Splits.assign(
        List.of(article("a", "x", "one"), article("b", "y", "two"), article("c", "x", "three")), locked);
    assertThat(next).extracting(Splits.Assignment::side).containsExactly("test", "train", "test");
  }
}
