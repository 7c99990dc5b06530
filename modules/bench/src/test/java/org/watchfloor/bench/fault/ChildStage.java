package org.watchfloor.bench.fault;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerting.AlertingApp;
import org.watchfloor.enricher.EnricherApp;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * One stage in a child JVM, so that a scenario can kill it the way {@code kill -9} does ({@code destroyForcibly}):
 * no close, no commit, no shutdown hook of ours. {@link #main} is the child; {@link #launch} is the parent's side.
 */
final class ChildStage implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChildStage.class);
  static final String READY = "CHILD-STAGE-READY";

  private final Process process;
  private final CountDownLatch ready = new CountDownLatch(1);

  private ChildStage(Process process) {
    this.process = process;
    Thread pump = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.contains(READY)) {
            ready.countDown();
          }
          LOG.info("[child {}] {}", process.pid(), line);
        }
      } catch (IOException e) {
        LOG.debug("Child output closed", e);
      }
    }, "child-stage-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts {@code stage} (enricher or alerting) in a child JVM with these settings. */
  static ChildStage launch(String stage, String bootstrap, Path configDir, Map<String, String> settings)
      throws IOException {
    String classPath = System.getProperty("java.class.path");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-cp", classPath,
        ChildStage.class.getName(), stage, bootstrap, configDir.toString()));
    settings.forEach((k, v) -> cmd.add(k + "=" + v));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(new File("."));
    return new ChildStage(pb.start());
  }

  boolean awaitReady(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** kill -9: the child gets no chance to commit, close or flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  public static void main(String[] args) throws Exception {
    String stageName = args[0];
    Map<String, String> values = new HashMap<>();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      values.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    Settings settings = Settings.of(values, Path.of(args[2]));
    StageContext ctx = new StageContext(settings, args[1], null, new SimpleMeterRegistry());
    Stage stage = switch (stageName) {
      case "enricher" -> EnricherApp.create(ctx);
      case "alerting" -> AlertingApp.create(ctx);
      default -> throw new IllegalArgumentException("unknown stage " + stageName);
    };
    stage.start();
    System.out.println(READY);
    System.out.flush();
    // runs until the parent kills it
    new CountDownLatch(1).await();
  }
}
