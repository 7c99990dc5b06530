package org.watchfloor.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.watchfloor.model.config.Settings;
import picocli.CommandLine.Option;

/** The options every command that talks to the pipeline shares: where config lives, and where Kafka and Elasticsearch are. */
public final class ServiceOptions {
  @Option(names = "--config", paramLabel = "DIR",
      description = "Config folder (watchfloor.yaml, sources.yaml, actors.yaml, topics.yaml, tension.yaml, "
          + "alert-rules.yaml). Default: the repository's config/.")
  Path config;

  @Option(names = "--kafka", paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers. Default: kafka.bootstrap.servers from watchfloor.yaml "
          + "(or WATCHFLOOR_KAFKA_BOOTSTRAP_SERVERS).")
  String kafka;

  @Option(names = "--elasticsearch", paramLabel = "URL",
      description = "Elasticsearch URL. Default: elasticsearch.url from watchfloor.yaml "
          + "(or WATCHFLOOR_ELASTICSEARCH_URL).")
  String elasticsearch;

  @Option(names = "--admin-port", paramLabel = "PORT",
      description = "Serve /health (liveness and readiness) and /metrics (Prometheus) on this port, on loopback unless "
          + "admin.bind says otherwise; 0 picks a free port (logged), -1 turns it off. Default: admin.port from "
          + "watchfloor.yaml, else 0.")
  Integer adminPort;

  @picocli.CommandLine.Mixin WaitOptions wait = new WaitOptions();

  /** The start-up check and its {@code --wait-timeout}. */
  public WaitOptions waitOptions() {
    return wait;
  }

  /** The config folder: the option, else {@code $WATCHFLOOR_HOME/config}, else {@code ./config}. */
  public Path configDir() {
    if (config != null) {
      return config;
    }
    return defaultConfigDir();
  }

  public static Path defaultConfigDir() {
    String home = System.getProperty("watchfloor.home", System.getenv("WATCHFLOOR_HOME"));
    if (home != null && Files.isDirectory(Path.of(home, "config"))) {
      return Path.of(home, "config");
    }
    return Path.of("config");
  }

  public Settings settings(picocli.CommandLine cmd) {
    Path dir = configDir();
    if (!Files.isDirectory(dir)) {
      throw new picocli.CommandLine.ParameterException(cmd, "config folder not found: " + dir.toAbsolutePath());
    }
    return Settings.load(dir);
  }

  /** The settings with {@code --admin-port}, when given, in place of {@code admin.port}. */
  public Settings withAdminPort(Settings settings) {
    return adminPort == null ? settings : settings.with(org.watchfloor.runtime.admin.AdminServer.PORT_KEY,
        adminPort.toString());
  }

  /** Kafka from the option or the settings; null when neither names one. */
  public String kafka(Settings settings) {
    return kafka != null ? kafka : settings.get("kafka.bootstrap.servers", null);
  }

  /** Elasticsearch from the option or the settings; null when neither names one. */
  public String elasticsearch(Settings settings) {
    return elasticsearch != null ? elasticsearch : settings.get("elasticsearch.url", null);
  }
}
