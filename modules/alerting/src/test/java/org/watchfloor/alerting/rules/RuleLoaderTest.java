package org.watchfloor.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleLoaderTest {
  private static final String GOOD = """
        - id: good
          type: match
          filter: {actors: [PRK], min_level: HIGH}
      """;

  private RuleSet loadWithBad(String badRule) {
    return new RuleLoader(Map.of()).parse("rules:\n" + GOOD + badRule, "rules.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown field     | '  - {id: bad, type: match, colour: red}'                      | colour",
      "bad type          | '  - {id: bad, type: sometimes}'                                | type",
      "bad duration      | '  - {id: bad, type: frequency, window: soon, threshold: 3}'    | window",
      "missing threshold | '  - {id: bad, type: frequency, window: 1h}'                   | threshold",
      "missing window    | '  - {id: bad, type: spike, baseline: 1d}'                      | window",
      "baseline short    | '  - {id: bad, type: spike, window: 1h, baseline: 10m}'         | baseline",
      "no level/delta    | '  - {id: bad, type: tension_rise, window: 1h}'                 | level",
      "missing lookback  | '  - {id: bad, type: new_actor}'                                | lookback",
      "missing quiet     | '  - {id: bad, type: flatline, group_by: source}'               | quiet",
      "bad group         | '  - {id: bad, type: match, group_by: colour}'                  | group_by",
      "bad level         | '  - {id: bad, type: match, filter: {min_level: APOCALYPTIC}}'  | filter.min_level",
      "bad dyad          | '  - {id: bad, type: match, filter: {dyads: [PRK-KOR]}}'        | filter.dyads",
      "unknown channel   | '  - {id: bad, type: match, channels: [pager]}'                 | channels",
      "bad template      | '  - {id: bad, type: match, template: \"{{#open}} never closed\"}' | template",
      "bad realert       | '  - {id: bad, type: match, realert: -5m}'                      | realert",
  })
  void rejectsBadRuleNamingRuleAndFieldWhileGoodOnesLoad(String name, String badRule, String field) {
    RuleSet set = loadWithBad(badRule + "\n");
    assertThat(set.rules()).extracting(Rule::id).containsExactly("good");
    assertThat(set.problems()).hasSize(1);
    RuleProblem p = set.problems().get(0);
    assertThat(p.rule()).isEqualTo("rule 'bad'");
    assertThat(p.field()).isEqualTo(field);
    assertThat(p.toString()).contains("rules.yaml", "bad", field);
  }

  @Test
  void rejectsDuplicateIds() {
    RuleSet set = loadWithBad("  - {id: good, type: match}\n");
    assertThat(set.rules()).hasSize(1);
    assertThat(set.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("duplicate"));
  }

  @Test
  void namesRuleWithoutIdByItsPosition() {
    RuleSet set = loadWithBad("  - {type: match}\n");
    assertThat(set.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("rules[1]");
      assertThat(p.field()).isEqualTo("id");
    });
  }

  @Test
  void substitutesEnvironmentIntoChannels() {
    String yaml = """
        channels:
          desk:
            type: webhook
            url: ${HOOK_URL}
            secret: ${HOOK_SECRET:-fallback}
        rules:
          - {id: r1, type: match, channels: [desk, log]}
        """;
    RuleSet set = new RuleLoader(Map.of("HOOK_URL", "http://127.0.0.1:9/hook")).parse(yaml, "f");
    assertThat(set.problems()).isEmpty();
    assertThat(set.channels().get("desk").url()).isEqualTo("http://127.0.0.1:9/hook");
    assertThat(set.channels().get("desk").secret()).isEqualTo("fallback");
    assertThat(set.rules().get(0).channels()).containsExactly("desk", "log");
  }

  @Test
  void rejectsChannelWithUnsetUrlAndTheRulesUsingIt() {
    String yaml = """
        channels:
          desk: {type: webhook, url: "${HOOK_URL}"}
        rules:
          - {id: r1, type: match, channels: [desk]}
          - {id: r2, type: match}
        """;
    RuleSet set = new RuleLoader(Map.of()).parse(yaml, "f");
    assertThat(set.rules()).extracting(Rule::id).containsExactly("r2");
    assertThat(set.problems()).extracting(RuleProblem::rule).containsExactly("channel 'desk'", "rule 'r1'");
  }

  @Test
  void rejectsUnknownTopLevelKeyAndBadYaml() {
    assertThat(new RuleLoader(Map.of()).parse("rulez: []\n", "f").problems())
        .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("rulez"));
    assertThat(new RuleLoader(Map.of()).parse("rules: [\n", "f").problems())
        .singleElement().satisfies(p -> assertThat(p.reason()).contains("not valid YAML"));
  }

  @Test
  void disabledRulesAreValidatedButNotRun() {
    RuleSet set = new RuleLoader(Map.of()).parse("rules:\n  - {id: off, type: match, enabled: false}\n", "f");
    assertThat(set.problems()).isEmpty();
    assertThat(set.rules()).isEmpty();
  }

  @Test
  void silencesNeedRuleAndExpiry() {
    String yaml = """
        silences:
          - {rule: r1, until: "2026-12-01T00:00:00Z", reason: exercise week}
          - {rule: r1}
        rules: []
        """;
    RuleSet set = new RuleLoader(Map.of()).parse(yaml, "f");
    assertThat(set.silences()).hasSize(1);
    assertThat(set.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("until"));
  }

  @Test
  void parsesRuntimeRuleFromJson() {
    java.util.List<RuleProblem> problems = new java.util.ArrayList<>();
    Rule r = new RuleLoader(Map.of()).parseRule(
        "{\"id\":\"rt\",\"type\":\"frequency\",\"window\":\"1h\",\"threshold\":2}".getBytes(), "topic", Map.of(),
        problems);
    assertThat(problems).isEmpty();
    assertThat(r).isInstanceOf(FrequencyRule.class);
    Rule bad = new RuleLoader(Map.of()).parseRule("{\"id\":\"rt\",\"type\":\"frequency\"}".getBytes(), "topic",
        Map.of(), problems);
    assertThat(bad).isNull();
    assertThat(problems).extracting(RuleProblem::field).contains("window", "threshold");
  }

  @Test
  void shippedDefaultRulesFileIsValid() throws Exception {
    Path file = Path.of("../../config/alert-rules.yaml");
    RuleSet set = new RuleLoader(Map.of()).parse(Files.readString(file), file.toString());
    assertThat(set.problems()).isEmpty();
    assertThat(set.rules()).extracting(Rule::type)
        .contains(RuleLoader.MATCH, RuleLoader.FREQUENCY, RuleLoader.TENSION_RISE, RuleLoader.NEW_ACTOR);
  }
}
