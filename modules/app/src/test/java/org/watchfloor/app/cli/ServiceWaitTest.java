package org.watchfloor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchfloor.app.Watchfloor;
import picocli.CommandLine;

/** A command pointed at a closed loopback port says so within seconds and gives up at --wait-timeout. */
class ServiceWaitTest {
  /** Records when the first character was written. */
  static final class TimedWriter extends StringWriter {
    volatile long firstWrite;

    @Override
    public void write(String str, int off, int len) {
      if (firstWrite == 0) {
        firstWrite = System.nanoTime();
      }
      super.write(str, off, len);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"enrich", "index", "feeds", "pages", "alert"})
  void aStageAgainstARefusedKafkaSaysSoAndExitsAtTheWaitTimeout(String stage) throws IOException {
    int port = closedPort();
    TimedWriter err = new TimedWriter();
    CommandLine cmd = Watchfloor.commandLine();
    cmd.setErr(new PrintWriter((Writer) err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    long start = System.nanoTime();
    int exit = cmd.execute(stage, "--config", "../../config", "--kafka", "127.0.0.1:" + port, "--wait-timeout", "3s");
    long took = System.nanoTime() - start;

    assertThat(exit).isEqualTo(Watchfloor.SERVICE_UNAVAILABLE);
    assertThat(Duration.ofNanos(err.firstWrite - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofSeconds(10));
    String text = err.toString();
    assertThat(text).contains("watchfloor: cannot reach Kafka at 127.0.0.1:" + port
        + ": connection refused (nothing listens on port " + port + "); retrying in 1s");
    assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("watchfloor: " + stage
        + ": cannot reach Kafka at 127.0.0.1:" + port + ": connection refused (nothing listens on port " + port
        + "); gave up after 3s (--wait-timeout)");
    assertThat(text).doesNotContain("Exception", "\tat ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"search", "trends"})
  void aSearchAgainstARefusedElasticsearchSaysSoAndExitsAtTheWaitTimeout(String command) throws IOException {
    int port = closedPort();
    StringWriter err = new StringWriter();
    CommandLine cmd = Watchfloor.commandLine();
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    String[] args = command.equals("search")
        ? new String[] {"search", "missile", "--elasticsearch", "http://127.0.0.1:" + port, "--wait-timeout", "2s"}
        : new String[] {"trends", "--actor", "PRK", "--elasticsearch", "http://127.0.0.1:" + port, "--wait-timeout",
            "2s"};
    int exit = cmd.execute(args);
    assertThat(exit).isEqualTo(Watchfloor.SERVICE_UNAVAILABLE);
    assertThat(err.toString()).contains("cannot reach Elasticsearch at http://127.0.0.1:" + port
        + ": connection refused", "gave up after 2s (--wait-timeout)").doesNotContain("Exception");
  }
}
