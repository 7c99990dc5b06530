package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher as the production image runs it (the jar and lib/, no devstack): asking it for the embedded stack
 * gets one plain line and exit 3 (as bad configuration does), not a stack trace.
 */
class ProductionClasspathIT {
  @Test
  void upWithoutTheLocalStackSaysWhatToGiveInstead() throws Exception {
    // as the image runs it: java -jar, whose manifest lists lib/ and nothing of devstack
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-jar", Path.of("target", "watchfloor-app.jar").toString(), "up",
        "--demo", "--config", Path.of("../../config").toString()))
        .redirectErrorStream(true).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the launcher did not stop within 60 s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isEqualTo(3);
    assertThat(out).contains("watchfloor: up: the embedded Kafka broker, Elasticsearch node and demo site are not "
        + "installed here").contains("give --kafka and --elasticsearch");
    assertThat(out).doesNotContain("\tat org.").doesNotContain("Exception");
  }
}
