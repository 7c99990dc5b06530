package org.watchfloor.runtime.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that Kafka and Elasticsearch answer before a command starts its work. A service that does not answer is
 * reported at once in words (which address, what failed) and then again at every retry, with a backoff; with a wait
 * timeout the wait ends in {@link ServiceUnavailableException}. The one place every stage and command checks from.
 */
public final class ServiceProbe {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceProbe.class);

  /** How long one connection attempt may take; the first report comes within about twice this. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** How long Kafka's protocol (describeCluster) may take once the port answers. */
  public static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(3);
  /** The longest pause between two attempts. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final Duration waitTimeout;
  private final Consumer<String> report;
  private final Duration firstBackoff;

  /**
   * @param waitTimeout how long to keep trying before giving up; null waits for ever
   * @param report where the "cannot reach" lines go (the command's error stream)
   */
  public ServiceProbe(Duration waitTimeout, Consumer<String> report) {
    this(waitTimeout, report, Duration.ofSeconds(1));
  }

  ServiceProbe(Duration waitTimeout, Consumer<String> report, Duration firstBackoff) {
    this.waitTimeout = waitTimeout;
    this.report = Objects.requireNonNull(report, "report");
    this.firstBackoff = firstBackoff;
  }

  /** Waits until Kafka at {@code kafkaProperties}' bootstrap servers answers describeCluster. */
  public void awaitKafka(Properties kafkaProperties) {
    String bootstrap = String.valueOf(kafkaProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    await("Kafka", bootstrap, () -> kafkaProblem(kafkaProperties));
  }

  /** Waits until {@code check} returns null; its non-null answers are the problem, in words. */
  public void await(String service, String address, Supplier<String> check) {
    long start = System.nanoTime();
    Duration backoff = firstBackoff;
    int attempt = 0;
    while (true) {
      String problem = check.get();
      if (problem == null) {
        if (attempt > 0) {
          say(service + " at " + address + " answers now");
        }
        return;
      }
      attempt++;
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      if (waitTimeout != null && waited.compareTo(waitTimeout) >= 0) {
        throw new ServiceUnavailableException(service, address, problem, waitTimeout);
      }
      Duration pause = backoff;
      if (waitTimeout != null) {
        Duration left = waitTimeout.minus(waited);
        pause = pause.compareTo(left) > 0 ? left : pause;
      }
      say("cannot reach " + service + " at " + address + ": " + problem + "; retrying in " + format(pause)
          + (waitTimeout == null ? " (no --wait-timeout: waiting until it answers)"
              : " (giving up after " + format(waitTimeout) + ")"));
      try {
        TimeUnit.NANOSECONDS.sleep(pause.toNanos());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceUnavailableException(service, address, problem + " (interrupted)",
            Duration.ofNanos(System.nanoTime() - start));
      }
      backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }
  }

  private void say(String line) {
    // the report is the user's line (the command's error stream); logging it too would print it twice
    LOG.debug("{}", line);
    report.accept(line);
  }

  /** Null when one of the bootstrap servers accepts a connection and the cluster answers; else what failed. */
  public static String kafkaProblem(Properties kafkaProperties) {
    String bootstrap = String.valueOf(kafkaProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    List<String> problems = new ArrayList<>();
    boolean anyOpen = false;
    for (String server : bootstrap.split(",")) {
      if (server.isBlank()) {
        continue;
      }
      String p = tcpProblem(hostOf(server.trim()), portOf(server.trim(), 9092));
      if (p == null) {
        anyOpen = true;
        break;
      }
      problems.add(bootstrap.contains(",") ? server.trim() + ": " + p : p);
    }
    if (!anyOpen) {
      return problems.isEmpty() ? "no bootstrap servers given" : String.join("; ", problems);
    }
    Properties p = new Properties();
    p.putAll(kafkaProperties);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
    p.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "watchfloor-probe");
    try (Admin admin = Admin.create(p)) {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) KAFKA_TIMEOUT.toMillis()))
          .clusterId().get(KAFKA_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AuthenticationException) {
        return "the broker refused our credentials (check kafka.sasl.* and kafka.security.protocol)";
      }
      if (cause instanceof AuthorizationException) {
        return "the broker does not allow us to describe the cluster (check the ACLs)";
      }
      return "the port answers but no Kafka broker replied within " + format(KAFKA_TIMEOUT)
          + " (is it a Kafka listener, with the right kafka.security.protocol?)";
    } catch (TimeoutException e) {
      return "the port answers but no Kafka broker replied within " + format(KAFKA_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (RuntimeException e) {
      return "the Kafka client settings cannot be used (check the kafka.* keys)";
    }
  }

  /** Null when {@code host:port} accepts a TCP connection within {@link #CONNECT_TIMEOUT}; else why not, in words. */
  public static String tcpProblem(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
      return null;
    } catch (UnknownHostException e) {
      return "unknown host '" + host + "'";
    } catch (ConnectException e) {
      return "connection refused (nothing listens on port " + port + ")";
    } catch (NoRouteToHostException e) {
      return "no route to host";
    } catch (SocketTimeoutException e) {
      return "no answer within " + format(CONNECT_TIMEOUT);
    } catch (IllegalArgumentException e) {
      return "not a host and port";
    } catch (IOException e) {
      return "cannot connect";
    }
  }

  /** Null when the URL's host and port accept a TCP connection; for Elasticsearch's HTTP check, see the indexer. */
  public static String urlProblem(String url) {
    URI uri;
    try {
      uri = URI.create(url.contains("://") ? url : "http://" + url);
    } catch (IllegalArgumentException e) {
      return "not a URL";
    }
    if (uri.getHost() == null) {
      return "not a URL";
    }
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return tcpProblem(uri.getHost(), port);
  }

  static String hostOf(String server) {
    if (server.startsWith("[")) {
      int end = server.indexOf(']');
      return end > 0 ? server.substring(1, end) : server;
    }
    int colon = server.lastIndexOf(':');
    return colon < 0 ? server : server.substring(0, colon);
  }

  static int portOf(String server, int defaultPort) {
    int colon = server.lastIndexOf(':');
    if (colon < 0 || server.endsWith("]")) {
      return defaultPort;
    }
    try {
      return Integer.parseInt(server.substring(colon + 1));
    } catch (NumberFormatException e) {
      return defaultPort;
    }
  }

  /** {@code 3s}, {@code 1m30s}, {@code 500ms}: durations as users type them. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    long s = Math.round(ms / 1000.0);
    return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
  }
}
