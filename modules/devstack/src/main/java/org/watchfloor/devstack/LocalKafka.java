package org.watchfloor.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Topics;

/**
 * A real single-node Kafka (KRaft broker and controller in one) running inside this JVM on free loopback ports.
 *
 * <pre>{@code
 * try (LocalKafka kafka = LocalKafka.start()) {
 *   kafka.createTopics(3);
 *   props.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 */
public final class LocalKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);

  private final Path dataDir;
  private final boolean ownsDataDir;
  private final KafkaNode node;
  private final Thread shutdownHook = new Thread(this::closeOnExit, "watchfloor-kafka-shutdown");
  private Admin admin;
  private boolean closed;

  private LocalKafka(Path dataDir, boolean ownsDataDir, KafkaNode node) {
    this.dataDir = dataDir;
    this.ownsDataDir = ownsDataDir;
    this.node = node;
  }

  /** Starts a broker with its data in a fresh temporary directory, deleted on {@link #close()}. */
  public static LocalKafka start() {
    return start(Map.of());
  }

  /** Starts a broker in a fresh temporary directory, with extra or overriding broker properties. */
  public static LocalKafka start(Map<String, String> brokerProperties) {
    Path dir;
    try {
      dir = Files.createTempDirectory("watchfloor-kafka-");
      Watchdog.get().watchDir(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for Kafka", e);
    }
    return start(dir, true, brokerProperties);
  }

  /**
   * Starts a broker on the given data directory, formatting it if it is empty and keeping its data otherwise; the
   * directory belongs to the caller and is left in place on {@link #close()}.
   */
  public static LocalKafka start(Path dataDir, Map<String, String> brokerProperties) {
    return start(dataDir, false, brokerProperties);
  }

  private static LocalKafka start(Path dataDir, boolean owned, Map<String, String> brokerProperties) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(brokerProperties, "brokerProperties");
    long t0 = System.nanoTime();
    KafkaNode node = new KafkaNode(1, FreePorts.next(), FreePorts.next(), dataDir.resolve("kraft-logs"));
    try {
      node.start(Uuid.randomUuid().toString(), node.voter(), 1, brokerProperties);
    } catch (RuntimeException e) {
      if (owned) {
        TempDirs.deleteTree(dataDir);
        Watchdog.get().forgetDir(dataDir);
      }
      throw e;
    }
    LocalKafka kafka = new LocalKafka(dataDir, owned, node);
    Runtime.getRuntime().addShutdownHook(kafka.shutdownHook);
    LOG.info("Kafka {} started on {} in {} ms, data in {}", DevStackVersions.kafka(), kafka.bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), dataDir);
    return kafka;
  }

  /**
   * Starts a cluster of combined broker-controller nodes (3 gives a quorum that survives one node down), for fault
   * tests; topics get replication factor {@code min(3, brokers)}.
   */
  public static LocalKafkaCluster startCluster(int brokers) {
    return LocalKafkaCluster.start(brokers, Map.of());
  }

  /** The {@code bootstrap.servers} value for clients. */
  public String bootstrapServers() {
    return node.bootstrapServer();
  }

  /** The broker's data directory. */
  public Path dataDir() {
    return dataDir;
  }

  /** A shared admin client, closed with this broker; do not close it yourself. */
  public synchronized Admin admin() {
    if (closed) {
      throw new IllegalStateException("Kafka at " + bootstrapServers() + " is closed");
    }
    if (admin == null) {
      admin = createAdmin(bootstrapServers());
    }
    return admin;
  }

  /** Creates every topic in {@link Topics#ALL}, compacting those in {@link Topics#COMPACTED}; existing ones are kept. */
  public void createTopics(int partitions) {
    KafkaTopics.createAll(admin(), partitions, (short) 1);
  }

  /** Creates one topic with the given configuration unless it exists. */
  public void createTopic(String name, int partitions, Map<String, String> config) {
    KafkaTopics.create(admin(), List.of(new NewTopic(name, partitions, (short) 1).configs(config)));
  }

  /** Stops the broker and, if it created its data directory, deletes it. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // the JVM is already exiting, or the hook was never added: nothing to undo
      LOG.debug("Kafka shutdown hook not removed: {}", e.toString());
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
      admin = null;
    }
    node.stop();
    if (ownsDataDir) {
      TempDirs.deleteTree(dataDir);
      Watchdog.get().forgetDir(dataDir);
    }
    LOG.info("Kafka on {} stopped", bootstrapServers());
  }

  /** Stops the broker and removes its temporary data when the JVM exits without {@link #close()}. */
  private void closeOnExit() {
    try {
      close();
    } catch (RuntimeException e) {
      LOG.error("Cannot stop Kafka on {}", bootstrapServers(), e);
    }
  }

  static Admin createAdmin(String bootstrapServers) {
    Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.CLIENT_ID_CONFIG, "watchfloor-devstack-admin"));
    try {
      admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      admin.close(Duration.ZERO);
      throw new IllegalStateException("Kafka at " + bootstrapServers + " does not answer", e);
    } catch (InterruptedException e) {
      admin.close(Duration.ZERO);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to Kafka at " + bootstrapServers, e);
    }
    return admin;
  }
}
