package org.watchfloor.runtime.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ServiceProbeTest {
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static Properties kafka(String bootstrap) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    return p;
  }

  @Test
  void aClosedPortIsReportedAsRefusedWithoutJavaText() throws IOException {
    int port = closedPort();
    String problem = ServiceProbe.kafkaProblem(kafka("127.0.0.1:" + port));
    assertThat(problem).isEqualTo("connection refused (nothing listens on port " + port + ")");
    assertThat(ServiceProbe.urlProblem("http://127.0.0.1:" + port)).startsWith("connection refused");
    assertThat(ServiceProbe.kafkaProblem(kafka("no-such-host.invalid:9092"))).contains("unknown host");
  }

  @Test
  void aPortThatIsNotKafkaIsReportedAsSuch() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      long start = System.nanoTime();
      String problem = ServiceProbe.kafkaProblem(kafka("127.0.0.1:" + silent.getLocalPort()));
      assertThat(problem).startsWith("the port answers but no Kafka broker replied within 3s");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void reportsEveryAttemptWithABackoffAndGivesUpAtTheWaitTimeout() throws IOException {
    int port = closedPort();
    List<String> lines = new CopyOnWriteArrayList<>();
    List<Long> at = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    ServiceProbe probe = new ServiceProbe(Duration.ofSeconds(3), line -> {
      lines.add(line);
      at.add(System.nanoTime() - start);
    });
    assertThatThrownBy(() -> probe.awaitKafka(kafka("127.0.0.1:" + port)))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessage("cannot reach Kafka at 127.0.0.1:" + port + ": connection refused (nothing listens on port "
            + port + "); gave up after 3s (--wait-timeout)");
    long took = System.nanoTime() - start;
    assertThat(Duration.ofNanos(took)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
    assertThat(Duration.ofNanos(at.get(0))).isLessThan(Duration.ofSeconds(1));
    // 1 s, then 2 s: the second report follows the first after the backoff
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("cannot reach Kafka at 127.0.0.1:" + port, "connection refused",
        "retrying in 1s", "giving up after 3s");
    assertThat(lines.get(1)).contains("retrying in 2s");
  }

  @Test
  void returnsOnceTheServiceAnswersAndSaysSo() {
    List<String> lines = new CopyOnWriteArrayList<>();
    int[] calls = {0};
    new ServiceProbe(null, lines::add, Duration.ofMillis(10))
        .await("Elasticsearch", "http://h:9200", () -> ++calls[0] < 3 ? "connection refused" : null);
    assertThat(calls[0]).isEqualTo(3);
    assertThat(lines).hasSize(3).last().isEqualTo("Elasticsearch at http://h:9200 answers now");
    assertThat(lines.get(0)).contains("waiting until it answers");
  }

  @Test
  void formatsDurationsAsUsersTypeThem() {
    assertThat(ServiceProbe.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(ServiceProbe.format(Duration.ofSeconds(3))).isEqualTo("3s");
    assertThat(ServiceProbe.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
  }
}
