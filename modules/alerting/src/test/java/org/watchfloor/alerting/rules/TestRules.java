package org.watchfloor.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Loads rules from YAML snippets for tests, failing on any problem. */
final class TestRules {
  private TestRules() {}

  static RuleSet load(String yaml) {
    RuleSet set = new RuleLoader(Map.of()).parse(yaml, "test.yaml");
    assertThat(set.problems()).as("problems in test rules").isEmpty();
    return set;
  }

  static Rule one(String yaml) {
    RuleSet set = load(yaml);
    assertThat(set.rules()).hasSize(1);
    return set.rules().get(0);
  }

  static RuleEngine engine(String yaml) {
    return RuleEngine.of(load(yaml));
  }
}
