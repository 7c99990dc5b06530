package org.watchfloor.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real multi-node KRaft cluster inside this JVM, each node broker and controller at once, for fault tests that stop
 * and restart one broker. Its data lives in a temporary directory deleted on {@link #close()}.
 */
public final class LocalKafkaCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaCluster.class);

  private final Path dataDir;
  private final String clusterId;
  private final String voters;
  private final short replication;
  private final Map<String, String> overrides;
  private final List<KafkaNode> nodes;
  private final Thread shutdownHook = new Thread(this::closeOnExit, "watchfloor-kafka-shutdown");
  private Admin admin;
  private boolean closed;

  private LocalKafkaCluster(Path dataDir, String clusterId, List<KafkaNode> nodes, Map<String, String> overrides) {
    this.dataDir = dataDir;
    this.clusterId = clusterId;
    this.nodes = nodes;
    this.voters = nodes.stream().map(KafkaNode::voter).collect(Collectors.joining(","));
    this.replication = (short) Math.min(3, nodes.size());
    this.overrides = Map.copyOf(overrides);
  }

  /** Starts {@code brokers} nodes in parallel, since each waits for a controller quorum. */
  public static LocalKafkaCluster start(int brokers, Map<String, String> brokerProperties) {
    if (brokers < 1) {
      throw new IllegalArgumentException("brokers must be at least 1, was " + brokers);
    }
    Objects.requireNonNull(brokerProperties, "brokerProperties");
    Path dir;
    try {
      dir = Files.createTempDirectory("watchfloor-kafka-cluster-");
      Watchdog.get().watchDir(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for Kafka", e);
    }
    List<KafkaNode> nodes = new ArrayList<>();
    for (int id = 1; id <= brokers; id++) {
      nodes.add(new KafkaNode(id, FreePorts.next(), FreePorts.next(), dir.resolve("node-" + id)));
    }
    LocalKafkaCluster cluster = new LocalKafkaCluster(dir, Uuid.randomUuid().toString(), nodes, brokerProperties);
    long t0 = System.nanoTime();
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      cluster.startNodes(nodes);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    LOG.info("Kafka cluster of {} nodes started on {} in {} ms", brokers, cluster.bootstrapServers(),
        (System.nanoTime() - t0) / 1_000_000);
    return cluster;
  }

  private void startNodes(List<KafkaNode> toStart) {
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (KafkaNode node : toStart) {
      started.add(CompletableFuture.runAsync(() -> node.start(clusterId, voters, replication, overrides),
          task -> {
            Thread t = new Thread(task, "watchfloor-kafka-start-" + node.nodeId());
            t.setDaemon(true);
            t.start();
          }));
    }
    try {
      CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    }
  }

  /** Every node's listener, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return nodes.stream().map(KafkaNode::bootstrapServer).collect(Collectors.joining(","));
  }

  /** Node ids, 1 to the cluster size. */
  public List<Integer> brokerIds() {
    return nodes.stream().map(KafkaNode::nodeId).collect(Collectors.toUnmodifiableList());
  }

  public boolean isRunning(int brokerId) {
    return node(brokerId).running();
  }

  /** Stops one node cleanly, keeping its data; the others keep serving. */
  public void stopBroker(int brokerId) {
    node(brokerId).stop();
    LOG.info("Kafka broker {} stopped", brokerId);
  }

  /** Starts a stopped node again on its old ports and data. */
  public void startBroker(int brokerId) {
    startNodes(List.of(node(brokerId)));
    LOG.info("Kafka broker {} restarted", brokerId);
  }

  /** A shared admin client, closed with the cluster; do not close it yourself. */
  public synchronized Admin admin() {
    if (closed) {
      throw new IllegalStateException("Kafka cluster at " + bootstrapServers() + " is closed");
    }
    if (admin == null) {
      admin = LocalKafka.createAdmin(bootstrapServers());
    }
    return admin;
  }

  /** Creates every pipeline topic with replication factor {@code min(3, brokers)}; existing ones are kept. */
  public void createTopics(int partitions) {
    KafkaTopics.createAll(admin(), partitions, replication);
  }

  /** Creates one topic with the cluster's replication factor unless it exists. */
  public void createTopic(String name, int partitions, Map<String, String> config) {
    KafkaTopics.create(admin(), List.of(new NewTopic(name, partitions, replication).configs(config)));
  }

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
    // brokers first, so that the last controllers can still accept their controlled shutdown
    List<CompletableFuture<Void>> stopped = new ArrayList<>();
    for (KafkaNode node : nodes) {
      stopped.add(CompletableFuture.runAsync(node::stop));
    }
    try {
      CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new)).join();
    } finally {
      TempDirs.deleteTree(dataDir);
      Watchdog.get().forgetDir(dataDir);
    }
    LOG.info("Kafka cluster on {} stopped", bootstrapServers());
  }

  /** Stops the brokers and removes their temporary data when the JVM exits without {@link #close()}. */
  private void closeOnExit() {
    try {
      close();
    } catch (RuntimeException e) {
      LOG.error("Cannot stop the Kafka cluster on {}", bootstrapServers(), e);
    }
  }

  private KafkaNode node(int brokerId) {
    return nodes.stream().filter(n -> n.nodeId() == brokerId).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no broker " + brokerId + " in " + brokerIds()));
  }
}
