package org.watchfloor.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM running the local stack, killed with SIGKILL: its shutdown hooks never run, yet within 10 s the Elasticsearch
 * node is gone and every temporary folder (Elasticsearch's, Kafka's, the watchdog's own) is deleted.
 */
class WatchdogIT {
  /** The child JVM: starts Kafka and Elasticsearch, prints what it owns, then waits to be killed. */
  public static void main(String[] args) throws Exception {
    LocalKafka kafka = LocalKafka.start();
    LocalElasticsearch es = LocalElasticsearch.start();
    System.out.println("kafka.dir=" + kafka.dataDir());
    System.out.println("es.dir=" + es.baseDir());
    System.out.println("es.pid=" + es.pid().orElseThrow());
    System.out.println("watchdog.dir=" + Watchdog.get().listsDir());
    System.out.println("watchdog.pid=" + Watchdog.get().pid());
    System.out.println("READY");
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /** Alive and not a zombie: a process whose new parent does not reap it stays in the table, already dead. */
  static boolean running(long pid) {
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
      } catch (java.io.IOException e) {
        return false;
      }
    }
    return false;
  }

  @Test
  void aKilledLauncherLeavesNoElasticsearchAndNoTemporaryFolderBehind() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        WatchdogIT.class.getName()).redirectErrorStream(true).start();
    Map<String, String> owned = new HashMap<>();
    CountDownLatch ready = new CountDownLatch(1);
    CompletableFuture.runAsync(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          int eq = line.indexOf('=');
          if (line.equals("READY")) {
            ready.countDown();
          } else if (eq > 0 && !line.contains(" ")) {
            owned.put(line.substring(0, eq), line.substring(eq + 1));
          }
        }
      } catch (java.io.IOException e) {
        // the child is gone; the assertions below say what is left
      }
    });
    try {
      assertThat(ready.await(180, TimeUnit.SECONDS)).as("the child started Kafka and Elasticsearch").isTrue();
      long esPid = Long.parseLong(owned.get("es.pid"));
      long watchdogPid = Long.parseLong(owned.get("watchdog.pid"));
      List<Path> dirs = List.of(Path.of(owned.get("kafka.dir")), Path.of(owned.get("es.dir")),
          Path.of(owned.get("watchdog.dir")));
      assertThat(running(esPid)).isTrue();
      assertThat(dirs).allSatisfy(d -> assertThat(d).isDirectory());

      child.destroyForcibly();  // SIGKILL: no shutdown hook runs
      assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
      long killedAt = System.nanoTime();

      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
        assertThat(running(esPid)).as("Elasticsearch server process " + esPid + " running").isFalse();
        assertThat(dirs).allSatisfy(d -> assertThat(Files.exists(d)).as(d.toString()).isFalse());
      });
      await().atMost(Duration.ofSeconds(10)).until(() -> !running(watchdogPid));
      assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(10));
    } finally {
      child.destroyForcibly();
    }
  }
}
