package org.watchfloor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RulesCommandTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new WatchfloorCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  @Test
  void checkAcceptsTheShippedDefaultRules() {
    assertThat(run("rules", "check", "../../config/alert-rules.yaml")).isEqualTo(0);
    assertThat(out.toString()).contains("prk-high-tension", "0 problem(s)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void checkFailsNamingTheRuleAndFieldAndStillListsTheValidOnes() throws Exception {
    Path file = dir.resolve("rules.yaml");
    Files.writeString(file, """
        rules:
          - {id: fine, type: match, filter: {actors: [PRK]}}
          - {id: broken, type: frequency, window: 1 hour, threshold: 3}
        """);
    assertThat(run("rules", "check", file.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("rule 'broken'", "window", "not a duration");
    assertThat(out.toString()).contains("1 rule(s) valid", "fine").doesNotContain("  broken");
  }

  @Test
  void checkFailsOnMissingFile() {
    assertThat(run("rules", "check", dir.resolve("none.yaml").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("file not found");
  }

  @Test
  void helpExplainsBothSubcommands() {
    assertThat(run("rules", "--help")).isEqualTo(0);
    assertThat(out.toString()).contains("check", "test", "alert-rules.yaml");
  }
}
