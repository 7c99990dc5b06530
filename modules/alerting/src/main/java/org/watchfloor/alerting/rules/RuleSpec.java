package org.watchfloor.alerting.rules;

import java.util.List;
import org.watchfloor.model.TensionLevel;

/**
 * One rule as written in {@code alert-rules.yaml} or sent as JSON to the rules topic; {@link RuleLoader} validates it
 * and compiles it into a {@link Rule}.
 *
 * @param groupBy the query key: {@code none}, {@code actor}, {@code dyad}, {@code source} or {@code topic}
 * @param window the window of frequency, spike and tension_rise rules
 * @param threshold the count a frequency rule needs in its window
 * @param baseline the period a spike rule compares its window with
 * @param factor how many times the baseline rate a spike needs
 * @param minCount the fewest matches a spike or tension_rise window needs
 * @param level a tension_rise rule fires when the windowed mean crosses into this level
 * @param delta a tension_rise rule fires when the windowed mean rises this much over the previous window
 * @param lookback a new_actor rule fires for an actor not seen for the key in this long
 * @param warmup a new_actor rule stays quiet until it has observed the key this long
 * @param quiet a flatline rule fires when its key has been silent this long
 * @param realert after an alert for a key, further alerts for that key are dropped for this long
 * @param digest alerts are collected and sent as one digest every this long
 * @param title Mustache template of the alert title
 * @param template Mustache template of the alert message
 */
public record RuleSpec(
    String id,
    String name,
    String type,
    Boolean enabled,
    String description,
    FilterSpec filter,
    String groupBy,
    String window,
    Integer threshold,
    String baseline,
    Double factor,
    Integer minCount,
    TensionLevel level,
    Double delta,
    String lookback,
    String warmup,
    String quiet,
    String realert,
    String digest,
    List<String> channels,
    String title,
    String template) {

  public RuleSpec {
    channels = channels == null ? List.of() : List.copyOf(channels);
  }

  public boolean isEnabled() {
    return enabled == null || enabled;
  }
}
