package org.watchfloor.classify.tension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.watchfloor.classify.actor.ActorExtractor;
import org.watchfloor.classify.actor.ActorHit;
import org.watchfloor.classify.text.PhraseMatcher;
import org.watchfloor.classify.text.Tokens;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.Tension;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.config.ConfigException;

/**
 * Scores tension on the Goldstein scale: finds CAMEO-style events, weakens each by its context (negation, hedging,
 * history, rhetoric), aggregates them into a 0-100 score and derives who-does-what-to-whom dyads. Thread-safe.
 */
public final class TensionScorer {
  static final String HISTORICAL = "historical";
  static final String PRESENT = "present";
  static final String HEDGE = "hedge";
  static final String INTENTION = "intention";
  static final String BACKGROUND = "background";

  /** What a phrase of the configuration stands for: an event class, a modifier or context words. */
  private sealed interface Term permits Event, Mod, Context {}

  /** An event class; {@code kind} is shared by the classes of one CAMEO code, which describe one kind of act. */
  private record Event(int index, String id, double goldstein, double intensity, int kind, boolean floors)
      implements Term {}

  /** A modifier; {@code except[k]} is true for the event classes (by index) it never weakens. */
  private record Mod(
      int index, String id, double factor, boolean sentenceScope, int window, boolean[] except, boolean fromTitle,
      int minMatches) implements Term {}

  /** Context words, with the bits of the event classes that need them (see {@link #contextBits}). */
  private record Context(long bits) implements Term {}

  /** Words between a casualty word and its count: "killing at least 40", "killed more than 12". */
  private static final Set<String> COUNT_FILLERS = Set.of("at", "least", "more", "than", "about", "some", "nearly",
      "over", "around", "almost", "up", "to", "an", "estimated", "roughly", "another", "a", "further");
  /** Words that open a new clause after a comma. */
  private static final Set<String> CONJUNCTIONS = Set.of("and", "but", "while", "whereas", "although", "though", "yet");
  /** Modal verbs that open a verb phrase of their own after a conjunction. */
  private static final Set<String> MODALS = Set.of("would", "will", "could", "can", "may", "might", "should", "must",
      "shall");
  /** Adverbs that may stand between "had" and its participle: "had already fired", "had twice struck". */
  private static final Set<String> PERFECT_ADVERBS = Set.of("already", "also", "just", "twice", "once", "repeatedly",
      "previously", "earlier", "recently", "even", "long", "first", "since", "often");
  /** Past participles that end neither in -ed nor in -en/-wn: "had struck", "had shot", "had fought". */
  private static final Set<String> IRREGULAR_PARTICIPLES = Set.of("struck", "shot", "hit", "fought", "sent", "built",
      "cut", "put", "set", "led", "held", "met", "lost", "left", "made", "brought", "caught", "sought", "told", "sold",
      "found", "won", "begun", "sunk", "run", "overrun", "come", "become", "done", "said", "paid", "laid", "kept",
      "spent", "meant", "dealt", "felt", "dug", "stuck", "hung", "spread", "burnt", "let", "shut", "split", "bound",
      "stood", "heard", "had", "thrust", "bid", "quit", "swept", "crept", "slain", "flung");
  /**
   * Reporting verbs: "the ministry said the drones had crossed the border" reports today's news in the past perfect
   * of indirect speech; only a past perfect that no reporting verb introduces is background.
   */
  private static final Set<String> REPORTING = Set.of("said", "says", "say", "saying", "told", "tells", "telling",
      "reported", "reports", "reporting", "added", "stated", "announced", "announcing", "confirmed", "confirming",
      "according", "claimed", "claiming", "insisted", "acknowledged", "admitted", "alleged", "showed", "shows",
      "found", "estimated", "learned", "believed", "believes", "warned", "warns");
  /** Counts written as words; the plural quantities ("dozens") stand for many. */
  private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december");
  private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
      Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("dozen", 12), Map.entry("twenty", 20),
      Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("hundred", 100),
      Map.entry("dozens", 24), Map.entry("scores", 40), Map.entry("hundreds", 200), Map.entry("thousands", 2000));

  /**
   * Event terms, modifier terms and the context words of every class that needs them, in one matcher: a text is read
   * once for all three, and each kind keeps its own longest matches (see {@link LongestMatches}).
   */
  private final PhraseMatcher<Term> terms = new PhraseMatcher<>();

  /** Every word of every event, modifier and context term: what a lexicon for it must hold. */
  public java.util.Set<String> words() {
    return terms.words();
  }

  /** Whether tokens of this lexicon are matched by stem id rather than by string. */
  public boolean indexedBy(org.watchfloor.classify.text.Lexicon lexicon) {
    return terms.indexedBy(lexicon);
  }
  /** Per event class (by index): its bit among the classes that need context, or 0 when it needs none. */
  private final long[] contextBits;
  /** Per event class (by index): written forms that name a thing rather than the act. */
  private final List<Set<String>> notForms = new ArrayList<>();
  private final Mod historical;
  /** Background in the past perfect ("had fired"): its one-word term "had" counts only before a past participle. */
  private final Mod background;
  /** The hedge, also applied to an event verb in the infinitive ("sent to fight"): an intention, not an act. */
  private final Mod hedge;
  private final int modifierCount;
  private final double topWeight;
  private final double meanWeight;
  private final double cooperationPull;
  private final double baseline;
  private final double volumeBonus;
  private final double volumeCap;
  private final double titleWeight;
  private final double dyadMinWeight;
  private final double floor;
  private final double floorIntensity;
  private final double floorMinFactor;
  private final double severeEvent;
  private final double reciprocalFrom;
  private final double reciprocalIntensity;
  private final Set<String> reciprocalClasses;
  private final Set<String> casualtyStems = new HashSet<>();
  /** Stems of the words for the wounded: counted like casualties, but never mass violence. */
  private final Set<String> woundStems = new HashSet<>();
  private final int massFrom;
  private final double massIntensity;
  private final double fewIntensity;

  private TensionScorer(TensionConfig config, String file) {
    int index = 0;
    Map<String, Integer> kinds = new java.util.HashMap<>();
    contextBits = new long[config.eventClasses().size()];
    // terms keyed by their stems, so that one written twice (or inflected) carries every class's bit
    Map<String, long[]> contextTerms = new java.util.LinkedHashMap<>();
    Map<String, String> contextPhrases = new java.util.HashMap<>();
    int contextClasses = 0;
    for (TensionConfig.EventClass e : config.eventClasses()) {
      String key = "event_classes[" + index++ + "]";
      if (e.id() == null || e.goldstein() == null) {
        throw new ConfigException(file, key, "an event class needs an id and a goldstein value");
      }
      if (e.goldstein() < -10 || e.goldstein() > 10) {
        throw new ConfigException(file, key + ".goldstein", "must lie in [-10, 10], got " + e.goldstein());
      }
      if (e.terms() == null || e.terms().isEmpty()) {
        throw new ConfigException(file, key + ".terms", "an event class needs at least one term");
      }
      double intensity = e.intensity() == null ? Math.max(0, -e.goldstein()) * 10 : e.intensity();
      if (intensity < 0 || intensity > 100) {
        throw new ConfigException(file, key + ".intensity", "must lie in [0, 100]");
      }
      int kind = e.cameo() == null || e.cameo().isBlank()
          ? index - 1 : kinds.computeIfAbsent(e.cameo(), k -> kinds.size() + 10_000);
      Event ev = new Event(index - 1, e.id(), e.goldstein(), intensity, kind, Boolean.TRUE.equals(e.floors()));
      e.terms().forEach(term -> terms.add(term, ev));
      if (e.context() != null && !e.context().isEmpty()) {
        if (contextClasses == Long.SIZE) {
          throw new ConfigException(file, key + ".context", "at most " + Long.SIZE + " classes may need context");
        }
        long bit = 1L << contextClasses++;
        contextBits[index - 1] = bit;
        for (String term : e.context()) {
          Tokens ct = Tokens.of(term);
          StringBuilder stems = new StringBuilder();
          for (int i = 0; i < ct.size(); i++) {
            stems.append(ct.stem(i)).append(' ');
          }
          String stemKey = stems.toString();
          contextTerms.computeIfAbsent(stemKey, k -> new long[1])[0] |= bit;
          contextPhrases.putIfAbsent(stemKey, term);
        }
      }
      Set<String> forms = new HashSet<>();
      if (e.notForms() != null) {
        for (String form : e.notForms()) {
          forms.add(form.toLowerCase(java.util.Locale.ROOT));
        }
      }
      notForms.add(forms);
    }
    index = 0;
    Mod hist = null;
    Mod hedging = null;
    Mod back = null;
    for (TensionConfig.Modifier m : config.modifiers()) {
      String key = "modifiers[" + index + "]";
      if (m.id() == null || m.factor() == null || m.terms() == null) {
        throw new ConfigException(file, key, "a modifier needs an id, a factor and terms");
      }
      if (m.factor() < 0 || m.factor() > 1) {
        throw new ConfigException(file, key + ".factor", "must lie in [0, 1]");
      }
      String scope = m.scope() == null ? "sentence" : m.scope();
      if (!scope.equals("sentence") && !scope.equals("before")) {
        throw new ConfigException(file, key + ".scope", "must be 'sentence' or 'before'");
      }
      boolean[] except = new boolean[config.eventClasses().size()];
      if (m.except() != null) {
        for (String id : m.except()) {
          int k = classIndex(config, id);
          if (k < 0) {
            throw new ConfigException(file, key + ".except", "no event class '" + id + "'");
          }
          except[k] = true;
        }
      }
      if (m.minMatches() != null && m.minMatches() < 1) {
        throw new ConfigException(file, key + ".min_matches", "must be at least 1");
      }
      Mod mod = new Mod(index, m.id(), m.factor(), scope.equals("sentence"), m.window() == null ? 6 : m.window(),
          except, Boolean.TRUE.equals(m.fromTitle()), m.minMatches() == null ? 1 : m.minMatches());
      if (m.id().equals(HISTORICAL)) {
        hist = mod;
      }
      if (m.id().equals(HEDGE)) {
        hedging = mod;
      }
      if (m.id().equals(BACKGROUND)) {
        back = mod;
      }
      m.terms().forEach(term -> terms.add(term, mod));
      index++;
    }
    contextTerms.forEach((stemKey, bits) -> terms.add(contextPhrases.get(stemKey), new Context(bits[0])));
    historical = hist;
    hedge = hedging;
    background = back;
    modifierCount = index;
    TensionConfig.Aggregation a = config.aggregation() == null
        ? new TensionConfig.Aggregation(null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null) : config.aggregation();
    // a key left out of tension.yaml takes the value the shipped file gives it (TensionDefaultsTest checks they agree)
    topWeight = or(a.topWeight(), 0.65);
    meanWeight = or(a.meanWeight(), 0.35);
    cooperationPull = or(a.cooperationPull(), 0.5);
    baseline = or(a.baseline(), 5.0);
    volumeBonus = or(a.volumeBonus(), 2.0);
    volumeCap = or(a.volumeCap(), 10.0);
    titleWeight = or(a.titleWeight(), 1.0);
    dyadMinWeight = or(a.dyadMinWeight(), 0.5);
    floor = or(a.floor(), 20.0);
    floorIntensity = or(a.floorIntensity(), 35.0);
    floorMinFactor = or(a.floorMinFactor(), 0.3);
    severeEvent = or(a.severeEvent(), 80.0);
    reciprocalFrom = or(a.reciprocalFrom(), 60.0);
    reciprocalIntensity = or(a.reciprocalIntensity(), 85.0);
    reciprocalClasses = Set.copyOf(a.reciprocalClasses() == null
        ? List.of("assault", "fight", "mass_violence") : a.reciprocalClasses());
    TensionConfig.Casualties c = config.casualties();
    if (c != null) {
      addCasualtyStems(c.terms(), casualtyStems, file, "casualties.terms");
      addCasualtyStems(c.woundTerms(), woundStems, file, "casualties.wound_terms");
    }
    massFrom = c == null || c.massFrom() == null ? 10 : c.massFrom();
    massIntensity = c == null || c.massIntensity() == null ? 85.0 : c.massIntensity();
    fewIntensity = c == null || c.fewIntensity() == null ? 75.0 : c.fewIntensity();
  }

  private static void addCasualtyStems(List<String> terms, Set<String> out, String file, String key) {
    if (terms == null) {
      return;
    }
    for (String term : terms) {
      Tokens ct = Tokens.of(term);
      if (ct.size() != 1) {
        throw new ConfigException(file, key, "a casualty term is one word, got '" + term + "'");
      }
      out.add(ct.stem(0));
    }
  }

  private static int classIndex(TensionConfig config, String id) {
    for (int k = 0; k < config.eventClasses().size(); k++) {
      if (id.equals(config.eventClasses().get(k).id())) {
        return k;
      }
    }
    return -1;
  }

  private static double or(Double v, double fallback) {
    return v == null ? fallback : v;
  }

  public static TensionScorer of(TensionConfig config, String file) {
    return new TensionScorer(Objects.requireNonNull(config, "config"), file);
  }

  /**
   * Scores a tokenised article whose first {@code titleTokens} tokens are the title, given its actor mentions in text
   * order, as {@link ActorExtractor} gives them.
   */
  public TensionResult score(Tokens t, int titleTokens, List<ActorHit> hits) {
    LongestMatches<Event> eventMatches = new LongestMatches<>();
    LongestMatches<Mod> modMatches = new LongestMatches<>();
    LongestMatches<Context> contextMatches = new LongestMatches<>();
    terms.forEveryMatch(t, (from, to, term) -> {
      if (term instanceof Event e) {
        eventMatches.accept(from, to, e);
      } else if (term instanceof Mod m) {
        modMatches.accept(from, to, m);
      } else {
        contextMatches.accept(from, to, (Context) term);
      }
    });
    List<PhraseMatcher.Match<Event>> found = applicable(t, eventMatches.matches(), contextMatches.matches());
    if (found.isEmpty()) {
      Tension none = new Tension(baseline, TensionLevel.of(baseline), 0.0, List.of());
      return new TensionResult(none, List.of(), List.of());
    }
    List<PhraseMatcher.Match<Mod>> mods = withoutNames(t, titleTokens, modMatches.matches(), background);
    int[] modCounts = new int[Math.max(1, modifierCount)];
    for (PhraseMatcher.Match<Mod> m : mods) {
      modCounts[m.value().index()]++;
    }
    boolean[] presentSentence = new boolean[t.sentenceCount() + 1];
    // the first token of each sentence's first present cue ("on Tuesday", "today")
    int[] presentFrom = new int[t.sentenceCount() + 1];
    // modifiers come in token order, so each sentence's modifiers are one run: sentenceMods[s] to sentenceMods[s + 1]
    int[] sentenceMods = new int[t.sentenceCount() + 2];
    for (int k = 0; k < mods.size(); k++) {
      PhraseMatcher.Match<Mod> m = mods.get(k);
      int s = t.sentence(m.from());
      sentenceMods[s + 1] = k + 1;
      if (m.value().id().equals(PRESENT) && !presentSentence[s]) {
        presentSentence[s] = true;
        presentFrom[s] = m.from();
      }
    }
    for (int s = 1; s < sentenceMods.length; s++) {
      sentenceMods[s] = Math.max(sentenceMods[s], sentenceMods[s - 1]);
    }
    boolean[] yearSentence = yearSentences(t);
    boolean titleConflict = false;
    for (PhraseMatcher.Match<Event> e : found) {
      if (e.from() < titleTokens && e.value().goldstein() < 0) {
        titleConflict = true;
        break;
      }
    }
    List<Mod> articleWide = null;
    if (!titleConflict) {
      for (PhraseMatcher.Match<Mod> m : mods) {
        if (m.from() < titleTokens && m.value().fromTitle()
            && modCounts[m.value().index()] >= m.value().minMatches()) {
          if (articleWide == null) {
            articleWide = new ArrayList<>(2);
          }
          if (!articleWide.contains(m.value())) {
            articleWide.add(m.value());
          }
        }
      }
    }

    List<TensionResult.ScoredEvent> scored = new ArrayList<>(found.size());
    double[] conflict = new double[found.size()];
    int conflicts = 0;
    double cooperation = 0;
    double conflictSum = 0;
    double gSum = 0;
    double wSum = 0;
    double[] sentenceWeight = new double[t.sentenceCount() + 1];
    List<Dyad> dyads = new ArrayList<>();
    Set<String> dyadKeys = new HashSet<>();
    boolean[] applied = new boolean[Math.max(1, modifierCount)];
    boolean floored = false;
    long[] strongKeys = new long[found.size()];
    int strongCount = 0;
    List<String[]> hostile = reciprocalIntensity > 0 ? new ArrayList<>(4) : null;
    boolean reciprocal = false;
    // first each event's context factor, then what the title takes from the body, then the score
    double[] factors = new double[found.size()];
    List<List<String>> whys = new ArrayList<>(found.size());
    for (int n = 0; n < found.size(); n++) {
      PhraseMatcher.Match<Event> e = found.get(n);
      int sentence = t.sentence(e.from());
      Arrays.fill(applied, false);
      double factor = 1.0;
      List<String> why = null;
      for (int k = sentenceMods[sentence]; k < sentenceMods[sentence + 1]; k++) {
        PhraseMatcher.Match<Mod> m = mods.get(k);
        Mod mod = m.value();
        if (applied[mod.index()] || mod.id().equals(PRESENT) || mod.except()[e.value().index()]
            || modCounts[mod.index()] < mod.minMatches()) {
          continue;
        }
        boolean inScope = mod.sentenceScope()
            ? !(m.from() >= e.from() && m.to() <= e.to())
            : m.to() < e.from() && e.from() - m.to() <= mod.window() && !clauseBreak(t, m.to(), e.from());
        // "held a parade on Wednesday to mark the anniversary": in a sentence about today, history is what follows
        // but not when the present cue comes after the history, in a trailing attribution ("killed 130 civilians last
        // year, a rights group said in a report released on Wednesday")
        if (inScope && mod == historical && presentSentence[sentence] && m.from() > e.to()
            && presentFrom[sentence] < m.from()) {
          inScope = false;
        }
        if (inScope) {
          applied[mod.index()] = true;
          factor *= mod.factor();
          if (why == null) {
            why = new ArrayList<>(2);
          }
          why.add(mod.id());
        }
      }
      if (articleWide != null) {
        for (Mod mod : articleWide) {
          if (!applied[mod.index()] && !mod.except()[e.value().index()]) {
            applied[mod.index()] = true;
            factor *= mod.factor();
            if (why == null) {
              why = new ArrayList<>(2);
            }
            why.add(mod.id());
          }
        }
      }
      if (hedge != null && e.value().goldstein() < 0 && !applied[hedge.index()] && !hedge.except()[e.value().index()]
          && infinitive(t, e)) {
        applied[hedge.index()] = true;
        factor *= hedge.factor();
        if (why == null) {
          why = new ArrayList<>(2);
        }
        why.add(INTENTION);
      }
      // a year in a sentence about today still dates the event it stands beside: "the 1994 genocide", "killed in 1943"
      if (historical != null && !applied[historical.index()]
          && (yearSentence[sentence] && !presentSentence[sentence] || datedByYear(t, e))) {
        factor *= historical.factor();
        if (why == null) {
          why = new ArrayList<>(2);
        }
        why.add(HISTORICAL);
      }
      factors[n] = factor;
      whys.add(why);
    }
    titleTakesBodyHistory(t, titleTokens, found, factors, whys);
    for (int n = 0; n < found.size(); n++) {
      PhraseMatcher.Match<Event> e = found.get(n);
      int sentence = t.sentence(e.from());
      double factor = factors[n];
      List<String> why = whys.get(n);
      double g = e.value().goldstein();
      double weight = factor * (e.from() < titleTokens ? titleWeight : 1.0);
      double intensity = g < 0 ? casualtyIntensity(t, e) : 0;
      double contribution = g < 0 ? intensity * weight : 0;
      if ((g < 0 && intensity >= floorIntensity || e.value().floors()) && factor >= floorMinFactor) {
        floored = true;
      }
      if (g < 0) {
        conflict[conflicts++] = contribution;
        conflictSum += contribution;
        if (contribution >= 30 && factor >= 1.0) {
          // "drills" and "warships" in one sentence describe one exercise: one kind of act per sentence adds volume
          long key = ((long) e.value().kind() << 32) | sentence;
          boolean seen = false;
          for (int i = 0; i < strongCount && !seen; i++) {
            seen = strongKeys[i] == key;
          }
          if (!seen) {
            strongKeys[strongCount++] = key;
          }
        }
        if (hostile != null && contribution >= reciprocalFrom && !reciprocal
            && reciprocalClasses.contains(e.value().id())) {
          reciprocal = hostileActs(hits, sentence, hostile);
        }
      } else {
        cooperation += g * 10 * weight;
      }
      gSum += g * factor;
      wSum += factor;
      sentenceWeight[sentence] = Math.max(sentenceWeight[sentence], g < 0 ? contribution : g * 10 * weight);
      scored.add(new TensionResult.ScoredEvent(e.value().id(), g, round(factor), round(contribution),
          t.surface(e.from(), e.to()), sentence, why == null ? List.of() : why));
      if (factor >= dyadMinWeight) {
        dyad(t, e, hits, dyads, dyadKeys);
      }
    }
    double score;
    if (conflicts == 0) {
      // no conflict, but a ceasefire says there is a war (a class that floors)
      score = floored ? Math.max(baseline, floor) : baseline;
    } else {
      Arrays.sort(conflict, 0, conflicts);
      double top = conflict[conflicts - 1];
      if (reciprocal) {
        top = Math.max(top, reciprocalIntensity);
        conflict[conflicts - 1] = top;
      }
      // events that context weakened to a trace (a sport reading, a denial) do not dilute the mean
      int k = 0;
      double mean = 0;
      for (int i = conflicts - 1; i >= 0 && k < 3 && (k == 0 || conflict[i] >= 0.3 * top); i--) {
        mean += conflict[i];
        k++;
      }
      mean /= k;
      score = topWeight * top + meanWeight * mean;
      score += Math.min(volumeCap, volumeBonus * Math.max(0, strongCount - 1));
      double share = cooperation / (cooperation + conflictSum);
      score *= 1 - cooperationPull * share;
      score = Math.max(score, baseline);
      if (floored) {
        score = Math.max(score, floor);
      }
      if (top < severeEvent) {
        score = Math.min(score, Math.nextDown(severeEvent));
      }
    }
    score = Math.max(0, Math.min(100, score));
    double goldsteinMean = wSum == 0 ? 0 : gSum / wSum;
    Tension tension = new Tension(round(score), TensionLevel.of(score), round(goldsteinMean),
        evidence(t, sentenceWeight));
    return new TensionResult(tension, dyads, scored);
  }

  /**
   * The matches that stand for an event here: a written form that names a thing ("artillery shells") is dropped, and
   * so is a term of a class that needs context in a sentence without it. The context words found are gathered by
   * sentence only when a class found needs them.
   */
  private List<PhraseMatcher.Match<Event>> applicable(
      Tokens t, List<PhraseMatcher.Match<Event>> found, List<PhraseMatcher.Match<Context>> contexts) {
    List<PhraseMatcher.Match<Event>> out = null;
    long[] context = null;
    for (int k = 0; k < found.size(); k++) {
      PhraseMatcher.Match<Event> e = found.get(k);
      int c = e.value().index();
      boolean keep = e.from() != e.to() || !notForms.get(c).contains(t.norm(e.from()));
      if (keep && contextBits[c] != 0) {
        if (context == null) {
          context = new long[t.sentenceCount() + 1];
          for (PhraseMatcher.Match<Context> m : contexts) {
            context[t.sentence(m.from())] |= m.value().bits();
          }
        }
        keep = (context[t.sentence(e.from())] & contextBits[c]) != 0;
      }
      if (!keep && out == null) {
        out = new ArrayList<>(found.subList(0, k));
      } else if (keep && out != null) {
        out.add(e);
      }
    }
    return out == null ? found : out;
  }

  /**
   * Drops one-word modifiers written with a capital inside a body sentence: "since May" names a month, not a
   * possibility. Title words are kept, as a title may capitalise every word. Drops the background's "had" where it
   * does not open a past perfect of its own (see {@link #pastPerfect}).
   */
  private static List<PhraseMatcher.Match<Mod>> withoutNames(
      Tokens t, int titleTokens, List<PhraseMatcher.Match<Mod>> mods, Mod background) {
    List<PhraseMatcher.Match<Mod>> out = null;
    for (int k = 0; k < mods.size(); k++) {
      PhraseMatcher.Match<Mod> m = mods.get(k);
      int i = m.from();
      boolean drop = i == m.to() && i >= titleTokens && i > 0 && t.sentence(i - 1) == t.sentence(i)
          && Character.isUpperCase(t.text().charAt(t.start(i)));
      if (!drop && m.value() == background && i == m.to() && t.norm(i).equals("had")) {
        drop = !pastPerfect(t, i);
      }
      if (drop && out == null) {
        out = new ArrayList<>(mods.subList(0, k));
      } else if (!drop && out != null) {
        out.add(m);
      }
    }
    return out == null ? mods : out;
  }

  /**
   * Whether "had" at token {@code i} opens a past perfect that sets background: a past participle follows it (after
   * one adverb at most: "had already fired"), and no reporting verb stands before it in its sentence or in a trailing
   * attribution (after a comma, among the sentence's last four words): "the ministry said the jets had crossed" and
   * "rebels had taken the town, officials said" are today's news in indirect speech. "Had talks" is not one.
   */
  static boolean pastPerfect(Tokens t, int i) {
    int sentence = t.sentence(i);
    int j = i + 1;
    if (j < t.size() && t.sentence(j) == sentence && (PERFECT_ADVERBS.contains(t.norm(j)) || t.norm(j).endsWith("ly"))) {
      j++;
    }
    if (j >= t.size() || t.sentence(j) != sentence) {
      return false;
    }
    String w = t.norm(j);
    boolean participle = w.length() > 3 && (w.endsWith("ed") || w.endsWith("en") || w.endsWith("wn"))
        || IRREGULAR_PARTICIPLES.contains(w);
    if (!participle) {
      return false;
    }
    for (int k = i - 1; k >= 0 && t.sentence(k) == sentence; k--) {
      if (REPORTING.contains(t.norm(k))) {
        return false;
      }
    }
    // a trailing attribution: ", officials said." or ", according to the ministry."
    int last = j;
    while (last + 1 < t.size() && t.sentence(last + 1) == sentence) {
      last++;
    }
    for (int k = Math.max(j + 2, last - 3); k <= last; k++) {
      if (REPORTING.contains(t.norm(k)) && t.text().lastIndexOf(',', t.start(k)) > t.end(j)) {
        return false;
      }
    }
    return true;
  }

  /**
   * "sent to fight", "plans to strike": a one-word event in its bare form right after "to" is a purpose or an
   * intention, not an act that happened. Inflected forms ("exposed to shelling", "in response to attacks") are nouns.
   */
  static boolean infinitive(Tokens t, PhraseMatcher.Match<Event> e) {
    if (e.from() != e.to() || e.from() == 0 || !t.norm(e.from() - 1).equals("to")
        || t.sentence(e.from() - 1) != t.sentence(e.from())) {
      return false;
    }
    String word = t.norm(e.from());
    return !(word.endsWith("s") || word.endsWith("ed") || word.endsWith("ing"));
  }

  /**
   * The intensity of an event, set by the casualty count beside it: "killing four" is a deadly incident, "killing
   * at least 40" mass violence, whatever word reported it.
   */
  private double casualtyIntensity(Tokens t, PhraseMatcher.Match<Event> e) {
    double intensity = e.value().intensity();
    if (casualtyStems.isEmpty() && woundStems.isEmpty()) {
      return intensity;
    }
    boolean casualty = false;
    boolean wound = false;
    for (int i = e.from(); i <= e.to() && !casualty && !wound; i++) {
      casualty = casualtyStems.contains(t.stem(i));
      wound = woundStems.contains(t.stem(i));
    }
    if (!casualty && !wound) {
      return intensity;
    }
    int count = countAfter(t, e.to());
    if (count < 0) {
      count = countBefore(t, e.from());
    }
    if (count < 0) {
      return intensity;
    }
    // "wounding at least 12": the hurt are not the dead, however many
    return count >= massFrom && !wound ? Math.max(intensity, massIntensity) : Math.min(intensity, fewIntensity);
  }

  private static int countAfter(Tokens t, int end) {
    int sentence = t.sentence(end);
    for (int i = end + 1; i < t.size() && i <= end + 4 && t.sentence(i) == sentence; i++) {
      int n = number(t, i);
      if (n >= 0) {
        return n;
      }
      if (!COUNT_FILLERS.contains(t.norm(i))) {
        return -1;
      }
    }
    return -1;
  }

  /** "40 people were killed", "two soldiers died": a count at most four words before the casualty word. */
  private static int countBefore(Tokens t, int start) {
    int sentence = t.sentence(start);
    for (int i = start - 1; i >= 0 && i >= start - 4 && t.sentence(i) == sentence; i--) {
      int n = number(t, i);
      if (n >= 0) {
        return n;
      }
    }
    return -1;
  }

  private static int number(Tokens t, int i) {
    if (t.has(i, Tokens.DIGITS)) {
      String digits = t.norm(i).replace(",", "");
      if (digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20"))) {
        return -1;
      }
      try {
        return digits.length() > 7 ? Integer.MAX_VALUE : Integer.parseInt(digits);
      } catch (NumberFormatException ex) {
        return -1;
      }
    }
    Integer n = NUMBER_WORDS.get(t.norm(i));
    return n == null ? -1 : n;
  }

  /**
   * Records who acts against whom in a sentence holding a hostile act (its first actor against every actor of
   * another country in it) and tells whether the reverse was already recorded: the two sides attack each other.
   */
  private static boolean hostileActs(List<ActorHit> hits, int sentence, List<String[]> pairs) {
    String subject = null;
    for (int k = firstHit(hits, sentence); k < hits.size() && hits.get(k).sentence() == sentence; k++) {
      ActorHit h = hits.get(k);
      if (!usable(h)) {
        continue;
      }
      String side = h.country() != null ? h.country() : h.id();
      if (subject == null) {
        subject = side;
      } else if (!side.equals(subject)) {
        for (String[] p : pairs) {
          if (p[0].equals(side) && p[1].equals(subject)) {
            return true;
          }
        }
        pairs.add(new String[] {subject, side});
      }
    }
    return false;
  }

  /**
   * Whether a clause ends between token {@code from} and token {@code to}: a semicolon, a comma before a
   * conjunction ("without food, and the agency said...") or a conjunction before a modal verb ("and would"), so that
   * a word such as "without" or "never" does not reach into the next clause. Read only for a modifier already in reach of an event, so it costs nothing on most tokens.
   */
  static boolean clauseBreak(Tokens t, int from, int to) {
    String text = t.text();
    for (int i = from + 1; i <= to; i++) {
      // "would never accept X and would respond by force": a conjunction opening a second verb phrase
      if (i < to && CONJUNCTIONS.contains(t.norm(i)) && MODALS.contains(t.norm(i + 1))) {
        return true;
      }
      for (int k = t.end(i - 1); k < t.start(i); k++) {
        char ch = text.charAt(k);
        if (ch == ';' || (ch == ',' && CONJUNCTIONS.contains(t.norm(i)))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A title names the event its body reports: when the body dates every mention of it as history ("the victims were
   * killed in 1943" under "exhumations of massacre victims"), the title's plain mention is history too. The same event
   * is the same class or the same first word ("killed" and "killed at least").
   */
  private void titleTakesBodyHistory(Tokens t, int titleTokens, List<PhraseMatcher.Match<Event>> found,
      double[] factors, List<List<String>> whys) {
    if (historical == null || titleTokens == 0) {
      return;
    }
    for (int i = 0; i < found.size(); i++) {
      PhraseMatcher.Match<Event> title = found.get(i);
      if (title.from() >= titleTokens || factors[i] != 1.0 || title.value().goldstein() >= 0) {
        continue;
      }
      boolean mentioned = false;
      boolean allHistory = true;
      for (int k = 0; k < found.size() && allHistory; k++) {
        PhraseMatcher.Match<Event> body = found.get(k);
        if (body.from() < titleTokens || !sameEvent(t, title, body)) {
          continue;
        }
        mentioned = true;
        allHistory = whys.get(k) != null && whys.get(k).contains(HISTORICAL);
      }
      if (mentioned && allHistory) {
        factors[i] = historical.factor();
        whys.set(i, List.of(HISTORICAL));
      }
    }
  }

  private static boolean sameEvent(Tokens t, PhraseMatcher.Match<Event> a, PhraseMatcher.Match<Event> b) {
    return a.value().id().equals(b.value().id()) || t.stem(a.from()).equals(t.stem(b.from()));
  }

  /**
   * Whether a year stands beside the event: just before it ("the 1994 genocide", "the 1915 killings") or in the
   * phrase just after it ("killed in 1943", "took the city in October 2025").
   */
  static boolean datedByYear(Tokens t, PhraseMatcher.Match<Event> e) {
    int sentence = t.sentence(e.from());
    for (int i = e.from() - 1; i >= 0 && i >= e.from() - 2 && t.sentence(i) == sentence; i--) {
      if (year(t, i)) {
        return true;
      }
    }
    int in = e.to() + 1;
    if (in + 1 < t.size() && t.sentence(in + 1) == sentence && t.norm(in).equals("in")) {
      return year(t, in + 1) || (in + 2 < t.size() && t.sentence(in + 2) == sentence && MONTHS.contains(t.norm(in + 1))
          && year(t, in + 2));
    }
    return false;
  }

  private static boolean year(Tokens t, int i) {
    if (!t.has(i, Tokens.DIGITS) || t.end(i) - t.start(i) != 4) {
      return false;
    }
    char c0 = t.text().charAt(t.start(i));
    char c1 = t.text().charAt(t.start(i) + 1);
    return (c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0');
  }

  private static boolean[] yearSentences(Tokens t) {
    boolean[] out = new boolean[t.sentenceCount() + 1];
    for (int i = 0; i < t.size(); i++) {
      if (year(t, i)) {
        out[t.sentence(i)] = true;
      }
    }
    return out;
  }

  /** The three heaviest sentences, heaviest first, earlier first on ties; picked without sorting every sentence. */
  private static List<String> evidence(Tokens t, double[] sentenceWeight) {
    List<String> out = new ArrayList<>(3);
    int[] picked = {-1, -1, -1};
    for (int k = 0; k < 3; k++) {
      int best = -1;
      for (int i = 0; i < sentenceWeight.length; i++) {
        if (sentenceWeight[i] > 0 && i != picked[0] && i != picked[1]
            && (best < 0 || sentenceWeight[i] > sentenceWeight[best])) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      picked[k] = best;
      out.add(sentenceText(t, best));
    }
    return out;
  }

  /** The text of one sentence, trimmed to 300 characters. */
  public static String sentenceText(Tokens t, int sentence) {
    // sentence numbers never decrease along the tokens: find the sentence's first token by bisection
    int lo = 0;
    int hi = t.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t.sentence(mid) < sentence) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo >= t.size() || t.sentence(lo) != sentence) {
      return "";
    }
    int from = lo;
    int to = from;
    while (to + 1 < t.size() && t.sentence(to + 1) == sentence) {
      to++;
    }
    int end = Math.min(t.text().length(), t.end(to) + 1);
    String s = t.text().substring(t.start(from), end).strip();
    return s.length() > 300 ? s.substring(0, 297) + "..." : s;
  }

  private static void dyad(Tokens t, PhraseMatcher.Match<Event> e, List<ActorHit> hits, List<Dyad> out,
      Set<String> keys) {
    int sentence = t.sentence(e.from());
    ActorHit before = null;
    ActorHit after = null;
    ActorHit agent = null;
    for (int k = firstHit(hits, sentence); k < hits.size() && hits.get(k).sentence() == sentence; k++) {
      ActorHit h = hits.get(k);
      if (!usable(h)) {
        continue;
      }
      if (h.to() < e.from()) {
        before = h;
      } else if (h.from() > e.to()) {
        if (agent == null && passiveAgent(t, e.to(), h.from())) {
          agent = h;
        } else if (after == null && (before == null || !sameCountry(h, before))) {
          after = h;
        }
      }
    }
    ActorHit source = agent != null ? agent : before;
    ActorHit target = agent != null ? (before != null ? before : after) : after;
    if (source == null || target == null || sameCountry(source, target) || source.id().equals(target.id())) {
      return;
    }
    if (out.size() >= 10 || !keys.add(source.id() + '|' + target.id() + '|' + e.value().id())) {
      return;
    }
    out.add(new Dyad(source.id(), target.id(), e.value().id(), e.value().goldstein(), sentenceText(t, sentence)));
  }

  /** "sanctioned by the EU": the actor after "by" (or "by the") did the act. */
  private static boolean passiveAgent(Tokens t, int eventEnd, int actorStart) {
    int k = actorStart - 1;
    if (k > eventEnd && t.norm(k).equals("the")) {
      k--;
    }
    return k > eventEnd && t.norm(k).equals("by");
  }

  private static boolean usable(ActorHit h) {
    return !h.type().equals("STATE_MEDIA") && !h.type().equals(ActorExtractor.UNRESOLVED);
  }

  /**
   * The first hit in {@code sentence} or after it, found by bisection: hits come in text order, so their sentence
   * numbers never decrease, and an event reads only the actors of its own sentence.
   */
  private static int firstHit(List<ActorHit> hits, int sentence) {
    int lo = 0;
    int hi = hits.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (hits.get(mid).sentence() < sentence) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static boolean sameCountry(ActorHit a, ActorHit b) {
    return a.id().equals(b.id()) || (a.country() != null && a.country().equals(b.country()));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
