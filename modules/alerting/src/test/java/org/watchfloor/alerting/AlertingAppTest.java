package org.watchfloor.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.alerting.rules.RuleLoader;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.StageContext;

class AlertingAppTest {
  @TempDir
  Path config;

  // No broker listens here: a bad rules file must stop the stage before it connects to anything.
  private StageContext context(Map<String, String> values) {
    return new StageContext(Settings.of(values, config), "127.0.0.1:9", null, new SimpleMeterRegistry());
  }

  private Path rules(String yaml) throws Exception {
    return Files.writeString(config.resolve(RuleLoader.FILE), yaml);
  }

  @Test
  void aBadRuleStopsTheStageNamingTheFileTheRuleTheFieldAndTheReason() throws Exception {
    Path file = rules("""
        rules:
          - {id: prk-high, type: match, filter: {actors: [PRK], min_level: HIGH}}
          - {id: prk-surge, type: frequency, threshold: 5, filter: {actors: [PRK]}}
        """);
    assertThatThrownBy(() -> AlertingApp.create(context(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": rule 'prk-surge': window: is required for this rule type (e.g. 15m, 1h, 7d)")
        .satisfies(e -> assertThat(((ConfigException) e).file()).isEqualTo(file.toString()));
  }

  @Test
  void everyProblemIsCountedAndTheCheckCommandNamed() throws Exception {
    Path file = rules("""
        rules:
          - {id: a, type: frequency, threshold: 5}
          - {id: b, type: nonsense}
          - {id: c, type: match, filter: {dyads: [PRK-KOR]}}
        """);
    assertThatThrownBy(() -> AlertingApp.create(context(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ": rule 'a': window: is required")
        .hasMessageEndingWith("(and 2 more; `watchfloor rules check " + file + "` lists them all)");
  }

  @Test
  void aMissingOrUnreadableRulesFileStopsTheStageToo() throws Exception {
    Path missing = config.resolve("elsewhere.yaml");
    assertThatThrownBy(() -> AlertingApp.create(context(Map.of("alerting.rules.file", missing.toString()))))
        .isInstanceOf(ConfigException.class).hasMessage(missing + ": file not found");

    Path file = rules("rules: [\n");
    assertThatThrownBy(() -> AlertingApp.create(context(Map.of())))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith(file + ": not valid YAML");
  }

  @Test
  void aValidFileLoadsEveryRule() throws Exception {
    rules("""
        rules:
          - {id: prk-high, type: match, filter: {actors: [PRK], min_level: HIGH}}
        """);
    assertThat(AlertingApp.loadRules(context(Map.of()).settings(), Map.of()).rules())
        .extracting(r -> r.id()).containsExactly("prk-high");
  }

  @Test
  void theStateDirectoryIsOnePerInstanceBelowTheSharedDefault() {
    assertThat(AlertingApp.streamsProperties(context(Map.of())).get(StreamsConfig.STATE_DIR_CONFIG))
        .isEqualTo(Path.of(StageContext.DEFAULT_STATE_DIR, "default").toString());
    assertThat(AlertingApp.streamsProperties(context(Map.of("alerting.state.dir", "/var/lib/wf",
        "alerting.instance", "b"))).get(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo("/var/lib/wf/b");
  }
}
