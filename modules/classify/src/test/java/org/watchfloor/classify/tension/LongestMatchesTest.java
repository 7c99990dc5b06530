package org.watchfloor.classify.tension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.classify.ConfigDir;
import org.watchfloor.classify.eval.DevArticle;
import org.watchfloor.classify.eval.DevSet;
import org.watchfloor.classify.text.PhraseMatcher;
import org.watchfloor.classify.text.Tokens;
import org.watchfloor.model.config.YamlFiles;

class LongestMatchesTest {
  /** Two kinds of phrase in one matcher; phrases of one kind overlap, nest and share values. */
  private record Term(String kind, String name) {}

  private static final String[][] PHRASES = {
      {"event", "killed"}, {"event", "killed at least"}, {"event", "at least"}, {"event", "ballistic missile"},
      {"event", "fired a ballistic missile"}, {"event", "missile"}, {"event", "massed troops"},
      {"other", "massed troops"}, {"other", "at"}, {"other", "not"}, {"other", "least"}, {"other", "fired"},
      {"event", "said"}, {"other", "said in a statement"}, {"event", "troops"}, {"other", "the"},
  };

  private static PhraseMatcher<Term> matcherOf(String kind) {
    PhraseMatcher<Term> m = new PhraseMatcher<>();
    for (String[] p : PHRASES) {
      if (kind == null || p[0].equals(kind)) {
        m.add(p[1], new Term(p[0], p[1]));
        // a second value on the same phrase, as two event classes may share a term
        if (p[1].equals("massed troops")) {
          m.add(p[1], new Term(p[0], p[1] + " (2)"));
        }
      }
    }
    return m;
  }

  private static final PhraseMatcher<Term> BOTH = matcherOf(null);

  /** What each kind keeps from one pass of the shared matcher. */
  private static List<PhraseMatcher.Match<Term>> onePass(Tokens t, String kind) {
    LongestMatches<Term> kept = new LongestMatches<>();
    BOTH.forEveryMatch(t, (from, to, term) -> {
      if (term.kind().equals(kind)) {
        kept.accept(from, to, term);
      }
    });
    return kept.matches();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Militants killed at least 40 people. The army said in a statement it fired a ballistic missile at massed troops.",
      "killed killed at least at least least missile ballistic missile fired a ballistic missile",
      "Troops massed troops. Massed\ntroops were not said to have fired.",
      "",
  })
  void keepsWhatAMatcherOfOneKindFinds(String text) {
    Tokens t = Tokens.of(text);
    for (String kind : List.of("event", "other")) {
      assertThat(onePass(t, kind)).as(kind).isEqualTo(matcherOf(kind).findAll(t));
    }
  }

  @Test
  void keepsWhatAMatcherOfOneKindFindsForTheConfiguredPhrasesOnTheDevSet() {
    TensionConfig config = YamlFiles.read(ConfigDir.find().resolve(Classifiers.TENSION_FILE), TensionConfig.class);
    PhraseMatcher<Term> all = new PhraseMatcher<>();
    PhraseMatcher<Term> events = new PhraseMatcher<>();
    PhraseMatcher<Term> modifiers = new PhraseMatcher<>();
    PhraseMatcher<Term> contexts = new PhraseMatcher<>();
    for (TensionConfig.EventClass e : config.eventClasses()) {
      for (String term : e.terms()) {
        all.add(term, new Term("event", e.id()));
        events.add(term, new Term("event", e.id()));
      }
      for (String term : e.context() == null ? List.<String>of() : e.context()) {
        all.add(term, new Term("context", term));
        contexts.add(term, new Term("context", term));
      }
    }
    for (TensionConfig.Modifier m : config.modifiers()) {
      for (String term : m.terms()) {
        all.add(term, new Term("modifier", m.id()));
        modifiers.add(term, new Term("modifier", m.id()));
      }
    }
    int found = 0;
    for (DevArticle a : DevSet.load(DevSet.defaultDir())) {
      Tokens t = Tokens.of(a.title() + "\n\n" + a.text());
      LongestMatches<Term> keptEvents = new LongestMatches<>();
      LongestMatches<Term> keptModifiers = new LongestMatches<>();
      LongestMatches<Term> keptContexts = new LongestMatches<>();
      all.forEveryMatch(t, (from, to, term) -> {
        switch (term.kind()) {
          case "event" -> keptEvents.accept(from, to, term);
          case "modifier" -> keptModifiers.accept(from, to, term);
          default -> keptContexts.accept(from, to, term);
        }
      });
      assertThat(keptEvents.matches()).as(a.id()).isEqualTo(events.findAll(t));
      assertThat(keptModifiers.matches()).as(a.id()).isEqualTo(modifiers.findAll(t));
      assertThat(keptContexts.matches()).as(a.id()).isEqualTo(contexts.findAll(t));
      found += keptEvents.matches().size();
    }
    assertThat(found).isGreaterThan(100);
  }
}
