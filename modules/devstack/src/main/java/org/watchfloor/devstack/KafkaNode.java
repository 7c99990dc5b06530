package org.watchfloor.devstack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/** One combined KRaft broker and controller running in this JVM, formatted on first start. */
final class KafkaNode {
  static final String BROKER_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final int nodeId;
  private final int brokerPort;
  private final int controllerPort;
  private final Path logDir;
  private KafkaRaftServer server;

  KafkaNode(int nodeId, int brokerPort, int controllerPort, Path logDir) {
    this.nodeId = nodeId;
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
    this.logDir = Objects.requireNonNull(logDir, "logDir");
  }

  int nodeId() {
    return nodeId;
  }

  int brokerPort() {
    return brokerPort;
  }

  String voter() {
    return nodeId + "@127.0.0.1:" + controllerPort;
  }

  String bootstrapServer() {
    return "127.0.0.1:" + brokerPort;
  }

  boolean running() {
    return server != null;
  }

  /**
   * Formats the log directory unless it already is, then starts the node. Blocks until the broker is unfenced,
   * which in a cluster needs a quorum of controllers, so start the nodes of a cluster in parallel.
   */
  synchronized void start(String clusterId, String voters, int replication, Map<String, String> overrides) {
    if (server != null) {
      return;
    }
    Properties props = properties(voters, replication);
    props.putAll(overrides);
    KafkaConfig config = KafkaConfig.fromProps(props, false);
    format(clusterId);
    KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      started.startup();
    } catch (RuntimeException e) {
      started.shutdown();
      throw e;
    }
    server = started;
  }

  synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  private void format(String clusterId) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      // formatted by an earlier start: keep its cluster id and data
      return;
    }
    try {
      Files.createDirectories(logDir);
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
          .setNodeId(nodeId)
          .setClusterId(clusterId)
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setMetadataLogDirectory(logDir.toString())
          .addDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setIgnoreFormatted(true)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in " + logDir, e);
    }
  }

  private Properties properties(String voters, int replication) {
    Properties p = new Properties();
    p.put("node.id", Integer.toString(nodeId));
    p.put("process.roles", "broker,controller");
    p.put("listeners", BROKER_LISTENER + "://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", BROKER_LISTENER + "://127.0.0.1:" + brokerPort);
    p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("inter.broker.listener.name", BROKER_LISTENER);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("controller.quorum.voters", voters);
    p.put("log.dirs", logDir.toString());
    p.put("metadata.log.dir", logDir.toString());

    String rf = Integer.toString(replication);
    String minIsr = Integer.toString(Math.max(1, replication - 1));
    p.put("default.replication.factor", rf);
    p.put("min.insync.replicas", minIsr);
    p.put("offsets.topic.replication.factor", rf);
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", rf);
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", rf);
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    p.put("share.coordinator.state.topic.num.partitions", "3");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "1");

    // small and quick: a developer's laptop, a CI runner
    p.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    p.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    p.put("log.cleaner.threads", "1");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("num.replica.fetchers", "1");
    p.put("background.threads", "2");
    p.put("controlled.shutdown.enable", "true");
    return p;
  }
}
