package org.watchfloor.classify.tension;

import java.util.List;

/**
 * Event classes, context modifiers and aggregation weights as written in {@code config/tension.yaml}.
 *
 * @param eventClasses CAMEO-style event classes with their Goldstein values (-10 conflict to +10 cooperation)
 * @param modifiers context that weakens an event: negation, hedging, history, rhetoric
 * @param casualties how a casualty count next to a killing or wounding sets its weight; null reads no counts
 */
public record TensionConfig(
    List<EventClass> eventClasses, List<Modifier> modifiers, Aggregation aggregation, Casualties casualties) {
  public TensionConfig {
    eventClasses = eventClasses == null ? List.of() : List.copyOf(eventClasses);
    modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
  }

  /**
   * An event class: id, CAMEO code, Goldstein value and the phrases that signal it.
   *
   * @param intensity the tension, 0-100, one unqualified event of this class stands for; defaults to
   *     {@code max(0, -goldstein) * 10}
   * @param context when set, a term counts only in a sentence that also holds one of these words: "drills" is a
   *     military exercise beside "troops" or "warships", a fire drill otherwise
   * @param notForms written forms that match a term's stem but name a thing, not the act ("shells" for "shelled")
   * @param floors when true, a mention that context does not weaken lifts the article to the aggregation's floor even
   *     though the class is cooperation: a ceasefire is agreed between parties to an armed conflict, which the
   *     labelling guide ranks GUARDED
   */
  public record EventClass(
      String id, String cameo, Double goldstein, Double intensity, List<String> terms, List<String> context,
      List<String> notForms, Boolean floors) {}

  /**
   * A context modifier: when one of its terms is found in scope, an event's weight is multiplied by {@code factor}.
   *
   * @param scope {@code before} (within {@code window} tokens before the event, same sentence) or {@code sentence}
   * @param except ids of event classes this modifier never weakens (a threat is about the future by nature, so a
   *     modal verb does not hedge it)
   * @param fromTitle when true, one of its terms in the title weakens every event of the article, unless the title
   *     itself reports a conflict event: a headline about a chess final makes its "attack" a move on the board
   * @param minMatches how many of its terms the article must hold before it applies at all (default 1): one
   *     "goal" in a diplomatic text does not make it a sports report
   */
  public record Modifier(
      String id, Double factor, String scope, Integer window, List<String> terms, List<String> except,
      Boolean fromTitle, Integer minMatches) {}

  /**
   * Reads the number of people killed or wounded next to a casualty word ("killing four", "40 people were killed").
   *
   * @param terms casualty words; an event whose trigger holds one of them is read for a count
   * @param massFrom the least count that makes the event mass violence
   * @param massIntensity the intensity of an event with a count of {@code massFrom} or more ("dozens" too)
   * @param fewIntensity the most intensity of an event with a smaller count
   * @param woundTerms words for the wounded: an event whose trigger holds one is read for a count too, but never
   *     becomes mass violence however many were hurt (the guide's SEVERE is about ten or more killed)
   */
  public record Casualties(
      List<String> terms, Integer massFrom, Double massIntensity, Double fewIntensity, List<String> woundTerms) {}

  /**
   * How event contributions become a 0-100 score.
   *
   * @param topWeight weight of the strongest conflict event
   * @param meanWeight weight of the mean of the three strongest
   * @param cooperationPull how far cooperative events pull the score down (0 none, 1 fully)
   * @param baseline score of an article with no conflict event
   * @param volumeBonus points added per further class of strong conflict event (mentions of one class describe one
   *     event), capped at {@code volumeCap}
   * @param titleWeight multiplier for events in the title
   * @param dyadMinWeight the least context factor for an event to yield a dyad
   * @param floor the least score of an article that still reports a conflict event of {@code floorIntensity} or more
   *     after context weakening by no more than {@code floorMinFactor}: a denied or hedged military event is
   *     GUARDED, not LOW
   * @param severeEvent SEVERE needs one event contributing this much on its own: many strikes without fighting or
   *     mass casualties stay HIGH however often they are mentioned
   * @param reciprocalFrom the least contribution of a hostile act that counts towards a reciprocal exchange
   * @param reciprocalIntensity the strength of two states' forces attacking each other in one article: that is
   *     fighting (CAMEO 19), whatever words report each act
   * @param reciprocalClasses the event classes that count as attacks for a reciprocal exchange
   */
  public record Aggregation(
      Double topWeight,
      Double meanWeight,
      Double cooperationPull,
      Double baseline,
      Double volumeBonus,
      Double volumeCap,
      Double titleWeight,
      Double dyadMinWeight,
      Double floor,
      Double floorIntensity,
      Double floorMinFactor,
      Double severeEvent,
      Double reciprocalFrom,
      Double reciprocalIntensity,
      List<String> reciprocalClasses) {}
}
