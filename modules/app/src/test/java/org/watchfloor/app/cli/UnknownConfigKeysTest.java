package org.watchfloor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.alerting.rules.RuleLoader;
import org.watchfloor.alerting.rules.RuleSet;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.feeds.source.SourcesConfig;
import org.watchfloor.model.config.ConfigException;

/** Every config file kind: a mistyped key stops loading with the file, the key and the nearest valid key. */
class UnknownConfigKeysTest {
  @TempDir Path dir;

  @BeforeEach
  void copyTheShippedConfig() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../../config"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
  }

  private void append(String file, String line) throws IOException {
    Files.writeString(dir.resolve(file), Files.readString(dir.resolve(file)) + "\n" + line + "\n");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "actors.yaml, titels, titles",
      "topics.yaml, treshold, threshold",
      "tension.yaml, modifers, modifiers",
      "reader.yaml, modle, model",
  })
  void classifierFilesNameTheFileTheKeyAndTheNearestKey(String file, String typo, String nearest) throws IOException {
    String original = Files.readString(dir.resolve(file));
    // the typo replaces the real key, so the file stays otherwise valid
    Files.writeString(dir.resolve(file), original.replaceFirst("(?m)^" + nearest + ":", typo + ":"));
    assertThatThrownBy(() -> Classifiers.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file).hasMessageContaining(typo)
        .hasMessageContaining("unknown key (did you mean '" + nearest + "'?)")
        .hasMessageNotContaining("Unrecognized").hasMessageNotContaining("org.watchfloor");
  }

  @Test
  void sourcesFileNamesTheSourceKeyAndTheNearestKey() throws IOException {
    Files.writeString(dir.resolve("sources.yaml"), """
        sources:
          - name: one
            url: https://example.org/feed.xml
            regoin: korea
        """);
    assertThatThrownBy(() -> SourcesConfig.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources.yaml").hasMessageContaining("sources[0].regoin")
        .hasMessageContaining("did you mean 'region'?");
  }

  @Test
  void watchfloorYamlBogusKeyStopsAStageCommandWithThePlainReason() throws IOException {
    append("watchfloor.yaml", "bogus_key: 1");
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cmd = org.watchfloor.app.Watchfloor.commandLine();
    cmd.setErr(new java.io.PrintWriter(err, true));
    int exit = cmd.execute("enrich", "--config", dir.toString(), "--kafka", "127.0.0.1:1");
    assertThat(exit).isEqualTo(org.watchfloor.app.Watchfloor.CONFIG_ERROR);
    assertThat(err.toString()).contains("watchfloor.yaml", "bogus_key", "unknown key (did you mean")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void alertRulesNameTheTopLevelAndTheRuleKeyWithTheNearestKey() throws IOException {
    append("alert-rules.yaml", "silence: []");
    RuleSet top = new RuleLoader(java.util.Map.of()).load(dir.resolve("alert-rules.yaml"));
    assertThat(top.problems()).anySatisfy(p -> assertThat(p.toString())
        .contains("alert-rules.yaml", "silence", "did you mean 'silences'?"));

    RuleSet inRule = new RuleLoader(java.util.Map.of()).parse("""
        rules:
          - {id: r1, type: match, filtr: {actors: [PRK]}}
        """, "alert-rules.yaml");
    assertThat(inRule.problems()).anySatisfy(p -> assertThat(p.toString())
        .contains("alert-rules.yaml", "r1", "filtr", "did you mean 'filter'?").doesNotContain("Unrecognized"));
  }
}
