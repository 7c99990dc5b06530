package org.watchfloor.classify.tension;

import java.util.List;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.Tension;

/** The tension of an article with its dyads and every scored event, for explanations. */
public record TensionResult(Tension tension, List<Dyad> dyads, List<ScoredEvent> events) {
  public TensionResult {
    dyads = List.copyOf(dyads);
    events = List.copyOf(events);
  }

  /**
   * One event found in the text: its class, Goldstein value, the context factor applied and why.
   *
   * @param modifiers ids of the modifiers that weakened it ("negation", "hedge", ...)
   */
  public record ScoredEvent(
      String eventClass, double goldstein, double factor, double contribution, String trigger, int sentence,
      List<String> modifiers) {}
}
