package org.watchfloor.alerting.rules;

import java.util.List;
import java.util.Map;

/**
 * The outcome of loading rules: the valid rules, the silences and channels, and a problem for everything rejected.
 */
public record RuleSet(
    List<Rule> rules, List<SilenceSpec> silences, Map<String, ChannelSpec> channels, List<RuleProblem> problems) {

  public static final RuleSet EMPTY = new RuleSet(List.of(), List.of(), Map.of(), List.of());

  public RuleSet {
    rules = List.copyOf(rules);
    silences = List.copyOf(silences);
    channels = Map.copyOf(channels);
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
