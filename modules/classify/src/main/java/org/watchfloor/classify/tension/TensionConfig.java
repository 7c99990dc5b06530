package org.watchfloor.classify.tension;

import java.util.List;

/**
 * Event classes, context modifiers and aggregation weights as written in {@code config/tension.yaml}.
 *
 * @param eventClasses CAMEO-style event classes with their Goldstein values (-10 conflict to +10 cooperation)
 * @param modifiers context that weakens an event: negation, hedging, history, rhetoric
 */
public record TensionConfig(List<EventClass> eventClasses, List<Modifier> modifiers, Aggregation aggregation) {
  public TensionConfig {
    eventClasses = eventClasses == null ? List.of() : List.copyOf(eventClasses);
    modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
  }

  /**
   * An event class: id, CAMEO code, Goldstein value and the phrases that signal it.
   *
   * @param intensity the tension, 0-100, one unqualified event of this class stands for; defaults to
   *     {@code max(0, -goldstein) * 10}
   */
  public record EventClass(String id, String cameo, Double goldstein, Double intensity, List<String> terms) {}

  /**
   * A context modifier: when one of its terms is found in scope, an event's weight is multiplied by {@code factor}.
   *
   * @param scope {@code before} (within {@code window} tokens before the event, same sentence) or {@code sentence}
   */
  public record Modifier(String id, Double factor, String scope, Integer window, List<String> terms) {}

  /**
   * How event contributions become a 0-100 score.
   *
   * @param topWeight weight of the strongest conflict event
   * @param meanWeight weight of the mean of the three strongest
   * @param cooperationPull how far cooperative events pull the score down (0 none, 1 fully)
   * @param baseline score of an article with no conflict event
   * @param volumeBonus points added per further conflict event, capped at {@code volumeCap}
   * @param titleWeight multiplier for events in the title
   * @param dyadMinWeight the least context factor for an event to yield a dyad
   * @param floor the least score of an article that still reports a conflict event of {@code floorIntensity} or more
   *     after context weakening by no more than {@code floorMinFactor}: a denied or hedged military event is
   *     GUARDED, not LOW
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
      Double floorMinFactor) {}
}
