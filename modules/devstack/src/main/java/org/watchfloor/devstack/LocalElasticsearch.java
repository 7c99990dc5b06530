package org.watchfloor.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch server, run from the Maven distribution zip as a child process on free loopback
 * ports, with its configuration, data and logs in a temporary directory it owns.
 *
 * <pre>{@code
 * try (LocalElasticsearch es = LocalElasticsearch.start()) {
 *   RestClient.builder(HttpHost.create(es.url()));
 * }
 * }</pre>
 *
 * <p>Elasticsearch refuses to run as root; under root the node runs as the system user {@value #SERVICE_USER},
 * created on first use.
 */
public final class LocalElasticsearch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearch.class);

  /** The unprivileged user the node runs as when this JVM runs as root. */
  public static final String SERVICE_USER = "watchfloor";
  /** Default heap settings; override with {@code -Dwatchfloor.es.java.opts} or {@code WATCHFLOOR_ES_JAVA_OPTS}. */
  public static final String DEFAULT_JAVA_OPTS = "-Xms512m -Xmx512m";
  /**
   * How long a start may take before it fails: about 12 s on an idle laptop, but a loaded 2-core CI runner can need
   * a minute. Override with {@code -Dwatchfloor.es.startup.timeout.seconds} or
   * {@code WATCHFLOOR_ES_STARTUP_TIMEOUT_SECONDS}.
   */
  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(Long.parseLong(System.getProperty(
      "watchfloor.es.startup.timeout.seconds",
      Objects.requireNonNullElse(System.getenv("WATCHFLOOR_ES_STARTUP_TIMEOUT_SECONDS"), "120"))));
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path home;
  private final Path baseDir;
  private final Path consoleLog;
  private final Path pidFile;
  private final int port;
  private final String javaOpts;
  private final boolean asServiceUser;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Thread shutdownHook;
  private static boolean serviceUserChecked;
  private Process process;
  private long serverPid = -1;
  private boolean closed;

  private LocalElasticsearch(Path home, Path baseDir, int port, String javaOpts, boolean asServiceUser) {
    this.home = home;
    this.baseDir = baseDir;
    this.consoleLog = baseDir.resolve("console.log");
    this.pidFile = baseDir.resolve("elasticsearch.pid");
    this.port = port;
    this.javaOpts = javaOpts;
    this.asServiceUser = asServiceUser;
    this.shutdownHook = new Thread(this::stopQuietly, "watchfloor-elasticsearch-shutdown");
  }

  /** Starts a node with the default heap and waits until its cluster is at least yellow. */
  public static LocalElasticsearch start() {
    String opts = System.getProperty("watchfloor.es.java.opts", System.getenv("WATCHFLOOR_ES_JAVA_OPTS"));
    return start(opts == null || opts.isBlank() ? DEFAULT_JAVA_OPTS : opts);
  }

  /** Starts a node with the given {@code ES_JAVA_OPTS} (heap size and the like). */
  public static LocalElasticsearch start(String esJavaOpts) {
    Objects.requireNonNull(esJavaOpts, "esJavaOpts");
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      ensureServiceUser();
    }
    Path home = ElasticsearchDistribution.home(root);
    Path baseDir;
    try {
      baseDir = Files.createTempDirectory("watchfloor-es-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for Elasticsearch", e);
    }
    Watchdog.get().watchDir(baseDir);
    LocalElasticsearch es = new LocalElasticsearch(home, baseDir, FreePorts.next(), esJavaOpts, root);
    try {
      es.configure();
      Runtime.getRuntime().addShutdownHook(es.shutdownHook);
      es.launch();
    } catch (RuntimeException e) {
      es.close();
      throw e;
    }
    return es;
  }

  /** The HTTP endpoint, e.g. {@code http://127.0.0.1:40123}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The directory that holds this node's {@code config/}, {@code data/} and {@code logs/}. */
  public Path baseDir() {
    return baseDir;
  }

  /** The server JVM's process id while the node runs. */
  public synchronized OptionalLong pid() {
    return serverPid > 0 ? OptionalLong.of(serverPid) : OptionalLong.empty();
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the node and waits for every process of it to exit, keeping its data, port and configuration. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    long t0 = System.nanoTime();
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process.toHandle());
    process.toHandle().descendants().forEach(tree::add);
    readPid().flatMap(ProcessHandle::of).ifPresent(tree::add);
    // SIGTERM the server JVM first: runuser does not forward signals, and the server flushes on TERM
    for (int i = tree.size() - 1; i >= 0; i--) {
      tree.get(i).destroy();
    }
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    for (ProcessHandle handle : tree) {
      waitFor(handle, deadline);
    }
    for (ProcessHandle handle : tree) {
      if (handle.isAlive()) {
        LOG.warn("Elasticsearch process {} ignored SIGTERM for {}; killing it", handle.pid(), STOP_TIMEOUT);
        handle.destroyForcibly();
        waitFor(handle, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
      }
    }
    for (ProcessHandle handle : tree) {
      if (!handle.isAlive()) {
        Watchdog.get().forgetProcess(handle.pid());
      }
    }
    process = null;
    serverPid = -1;
    LOG.info("Elasticsearch on {} stopped in {} ms", url(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }

  /** Starts the node again on the same port and data, after {@link #stop()}; waits until it is yellow. */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("Elasticsearch on " + url() + " is closed");
    }
    stop();
    launch();
  }

  /** Stops the node and deletes its directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stop();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // already shutting down, or never registered: the hook has nothing left to do
        LOG.debug("Shutdown hook for {} not removed: {}", url(), e.toString());
      }
      TempDirs.deleteTree(baseDir);
      Watchdog.get().forgetDir(baseDir);
    }
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      LOG.error("Cannot stop Elasticsearch on {}", url(), e);
    }
  }

  private synchronized void launch() {
    long t0 = System.nanoTime();
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + pidFile, e);
    }
    List<String> command = new ArrayList<>();
    if (asServiceUser) {
      command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
    }
    // passed through env(1) because runuser may reset the environment
    command.addAll(List.of("env",
        "ES_PATH_CONF=" + baseDir.resolve("config"),
        "ES_JAVA_HOME=" + System.getProperty("java.home"),
        "ES_JAVA_OPTS=" + javaOpts,
        "ES_TMPDIR=" + baseDir.resolve("tmp"),
        home.resolve("bin/elasticsearch").toString(),
        "-p", pidFile.toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(baseDir.resolve("logs").toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
    builder.environment().remove("JAVA_HOME");
    builder.environment().remove("ES_JAVA_HOME");
    try {
      process = builder.start();
      // registered before the node is up: a launcher killed during the start must not leave it behind either
      Watchdog.get().watchProcess(process.pid());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    awaitYellow();
    serverPid = readPid().orElse(-1L);
    if (serverPid > 0) {
      Watchdog.get().watchProcess(serverPid);
    }
    LOG.info("Elasticsearch {} started on {} in {} ms (pid {}), files in {}", DevStackVersions.elasticsearch(), url(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), serverPid, baseDir);
  }

  private void awaitYellow() {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw startFailure("exited with status " + process.exitValue());
      }
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        last = response.statusCode() + " " + response.body();
        if (response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"")) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw new IllegalStateException("interrupted while starting Elasticsearch on " + url(), e);
      }
      pause();
    }
    stop();
    throw startFailure("not yellow within " + STARTUP_TIMEOUT.toSeconds() + " s; last health answer: " + last);
  }

  private static void pause() {
    try {
      Thread.sleep(250); // polling an external process; Awaitility is for tests
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private IllegalStateException startFailure(String reason) {
    return new IllegalStateException("Elasticsearch on " + url() + " failed to start: " + reason
        + "\n--- last lines of " + consoleLog + " ---\n" + tail(consoleLog, 40));
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private Optional<Long> readPid() {
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      String text = Files.readString(pidFile, StandardCharsets.UTF_8).trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException e) {
      LOG.debug("Unreadable pid file {}: {}", pidFile, e.toString());
      return Optional.empty();
    }
  }

  private static void waitFor(ProcessHandle handle, long deadlineNanos) {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0 || !handle.isAlive()) {
      return;
    }
    try {
      handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.debug("Process {} still running: {}", handle.pid(), e.toString());
    }
  }

  private void configure() {
    try {
      Path config = baseDir.resolve("config");
      Files.createDirectories(config);
      for (String dir : List.of("data", "logs", "tmp")) {
        Files.createDirectories(baseDir.resolve(dir));
      }
      try (Stream<Path> files = Files.list(home.resolve("config"))) {
        for (Path source : files.collect(Collectors.toList())) {
          if (Files.isRegularFile(source)) {
            Files.copy(source, config.resolve(source.getFileName()));
          }
        }
      }
      Files.createDirectories(config.resolve("jvm.options.d"));
      Files.writeString(config.resolve("jvm.options"), jvmOptions(home.resolve("config/jvm.options")));
      Files.writeString(config.resolve("elasticsearch.yml"), elasticsearchYml());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot configure Elasticsearch in " + baseDir, e);
    }
    if (asServiceUser) {
      int status = run(List.of("chown", "-R", SERVICE_USER + ":", baseDir.toString()));
      if (status != 0) {
        throw new IllegalStateException("cannot chown " + baseDir + " to " + SERVICE_USER + " (exit " + status + ")");
      }
    }
  }

  /** The distribution's options without GC logs and heap dumps, which would land in the working directory. */
  private static String jvmOptions(Path original) throws IOException {
    return Files.readAllLines(original, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.startsWith("-Xlog:") && !line.startsWith("-XX:+HeapDumpOnOutOfMemoryError"))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private String elasticsearchYml() {
    StringBuilder yml = new StringBuilder()
        .append("cluster.name: watchfloor-local\n")
        .append("node.name: watchfloor-local-node\n")
        .append("network.host: 127.0.0.1\n")
        .append("http.port: ").append(port).append('\n')
        .append("transport.port: ").append(FreePorts.next()).append('\n')
        .append("discovery.type: single-node\n")
        .append("path.data: ").append(baseDir.resolve("data")).append('\n')
        .append("path.logs: ").append(baseDir.resolve("logs")).append('\n')
        .append("xpack.security.enabled: false\n")
        .append("action.destructive_requires_name: false\n")
        .append("cluster.routing.allocation.disk.threshold_enabled: true\n")
        .append("cluster.routing.allocation.disk.watermark.low: 97%\n")
        .append("cluster.routing.allocation.disk.watermark.high: 98%\n")
        .append("cluster.routing.allocation.disk.watermark.flood_stage: 99%\n");
    // the integ-test distribution ships few modules, and unknown settings stop the node
    if (Files.isDirectory(home.resolve("modules/ingest-geoip"))) {
      yml.append("ingest.geoip.downloader.enabled: false\n");
    }
    if (Files.isDirectory(home.resolve("modules/x-pack-ml"))) {
      yml.append("xpack.ml.enabled: false\n");
    }
    return yml.toString();
  }

  private static synchronized void ensureServiceUser() {
    if (serviceUserChecked) {
      return;
    }
    boolean exists = run(List.of("id", "-u", SERVICE_USER)) == 0;
    LOG.info("Running as root, which Elasticsearch refuses: the local node runs as system user '{}'{}", SERVICE_USER,
        exists ? "" : ", created now");
    serviceUserChecked = true;
    if (exists) {
      return;
    }
    int status = run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER));
    // another JVM may have created it meanwhile
    if (status != 0 && run(List.of("id", "-u", SERVICE_USER)) != 0) {
      throw new IllegalStateException("cannot create the system user " + SERVICE_USER + " (useradd exited " + status
          + "); create it, or run as a normal user");
    }
  }

  private static int run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within 60 s");
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }
}
