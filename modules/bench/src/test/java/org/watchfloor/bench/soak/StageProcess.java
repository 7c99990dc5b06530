package org.watchfloor.bench.soak;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.watchfloor.alerting.AlertingApp;
import org.watchfloor.enricher.EnricherApp;
import org.watchfloor.indexer.IndexerApp;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * Pipeline stages in a child JVM, as a deployment runs them: the soak samples its memory, threads and file
 * descriptors from {@code /proc}, and kills it the way {@code kill -9} does. {@link #main} is the child.
 */
final class StageProcess implements AutoCloseable {
  static final String READY = "SOAK-STAGES-READY";

  private final Process process;
  private final CountDownLatch ready = new CountDownLatch(1);

  private StageProcess(Process process, Path log) {
    this.process = process;
    Thread pump = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
          PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
              StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.contains(READY)) {
            ready.countDown();
          }
          out.println(line);
        }
      } catch (IOException e) {
        // the child is gone; its log ends here
      }
    }, "soak-child-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts {@code stages} (enricher, indexer, alerting) in a child JVM; its output goes to {@code log}. */
  static StageProcess launch(List<String> stages, String bootstrap, String elasticsearch, Path configDir,
      Map<String, String> settings, List<String> jvmOptions, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        StageProcess.class.getName(), String.join(",", stages), bootstrap,
        elasticsearch, configDir.toString()));
    settings.forEach((k, v) -> cmd.add(k + "=" + v));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    // as the launcher and the image run every stage: glibc's per-thread malloc arenas otherwise hold RocksDB's freed
    // memory and the resident size creeps up
    pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
    return new StageProcess(pb.start(), log);
  }

  boolean awaitReady(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no close, no commit, no shutdown hook. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, so that the stages close cleanly; SIGKILL after a minute. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> values = new HashMap<>();
    for (int i = 4; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      values.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    StageContext ctx = new StageContext(Settings.of(values, Path.of(args[3])), args[1], args[2],
        new SimpleMeterRegistry());
    List<Stage> stages = new ArrayList<>();
    for (String name : args[0].split(",")) {
      Stage s = switch (name) {
        case "enricher" -> EnricherApp.create(ctx);
        case "indexer" -> IndexerApp.create(ctx);
        case "alerting" -> AlertingApp.create(ctx);
        default -> throw new IllegalArgumentException("unknown stage " + name);
      };
      s.start();
      stages.add(s);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (int i = stages.size() - 1; i >= 0; i--) {
        stages.get(i).close();
      }
    }));
    System.out.println(READY);
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
