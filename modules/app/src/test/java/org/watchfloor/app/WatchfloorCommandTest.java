package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WatchfloorCommandTest {
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cmd = Watchfloor.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void helpListsEveryStageAndTool() {
    Run r = run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("up", "feeds", "pages", "enrich", "index", "alert", "extract", "search", "trends",
        "kibana");
  }

  @Test
  void noCommandPrintsTheUsageToTheCommandsOwnOutput() {
    Run r = run();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: watchfloor", "up", "classify");
  }

  @Test
  void everyHelpKeepsItsWrittenLinesWhole() {
    for (String name : Watchfloor.commandLine().getSubcommands().keySet()) {
      Run r = run(name, "--help");
      assertThat(r.exit()).as(name).isZero();
      assertThat(r.out().lines()).as(name).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(
          Watchfloor.HELP_WIDTH));
    }
    assertThat(run("classify", "--help").out())
        .contains("Classify articles as the enrich stage does and print one JSON line per input: input, ok, title,\n");
    assertThat(run("up", "--help").out()).contains("it starts an embedded Kafka broker and an\n");
  }

  @Test
  void upHelpExplainsTheDemoAndExternalServices() {
    Run r = run("up", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--demo", "--duration", "--kafka", "--elasticsearch", "--config");
  }

  @Test
  void aStageWithoutKafkaSaysHowToNameOne(@TempDir Path config) {
    Run r = run("feeds", "--config", config.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--kafka", "WATCHFLOOR_KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void badSettingsAreOneClearLineNotAStackTrace(@TempDir Path config) throws IOException {
    Files.writeString(config.resolve("watchfloor.yaml"), "kafka: [unclosed\n");
    Run r = run("enrich", "--config", config.toString(), "--kafka", "127.0.0.1:1");
    assertThat(r.exit()).isEqualTo(Watchfloor.CONFIG_ERROR);
    assertThat(r.err()).contains("bad configuration", "watchfloor.yaml").doesNotContain("\tat ");
  }

  @Test
  void deskHelpExplainsItsOptionsAndTheAuthBeyondLoopback() {
    Run r = run("desk", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--port", "--bind", "--kafka", "--elasticsearch", "--config",
        "WATCHFLOOR_DESK_TOKEN", "127.0.0.1");
    assertThat(run("up", "--help").out()).contains("--desk-port", "--no-desk");
  }

  @Test
  void deskRefusesToListenBeyondLoopbackWithoutATokenInPlainWords(@TempDir Path config) {
    Run r = run("desk", "--config", config.toString(), "--kafka", "127.0.0.1:1", "--bind", "0.0.0.0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("0.0.0.0", "WATCHFLOOR_DESK_TOKEN").doesNotContain("Exception", "\tat ");
  }

  @Test
  void unknownCommandsAreRejected() {
    Run r = run("launch");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("launch");
  }
}
