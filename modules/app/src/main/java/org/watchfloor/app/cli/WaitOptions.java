package org.watchfloor.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.Durations;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.probe.ServiceProbe;
import picocli.CommandLine.Option;

/**
 * The {@code --wait-timeout} option and the start-up check behind it, shared by every command that needs Kafka or
 * Elasticsearch: a service that does not answer is reported on the error stream within seconds, and again at each
 * retry, until it answers or the wait timeout ends the command (exit 3).
 */
public final class WaitOptions {
  /** The settings key behind {@code --wait-timeout}. */
  public static final String KEY = "services.wait.timeout";

  @Option(names = "--wait-timeout", paramLabel = "DURATION",
      description = "How long to keep retrying Kafka or Elasticsearch when they do not answer at start, e.g. 30s or "
          + "5m; then give up with exit code 3. Meanwhile every failed attempt is reported (address and reason). "
          + "Default: services.wait.timeout from watchfloor.yaml, else wait until they answer.")
  String waitTimeout;

  /** The wait timeout: the option, else the setting; null waits for ever. */
  public Duration timeout(Settings settings) {
    String text = waitTimeout != null ? waitTimeout : settings.get(KEY, null);
    if (text == null) {
      return null;
    }
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(waitTimeout != null ? "--wait-timeout" : Settings.FILE,
          waitTimeout != null ? null : KEY, e.getMessage());
    }
  }

  /** A probe reporting to {@code err}. */
  public ServiceProbe probe(Settings settings, PrintWriter err) {
    return new ServiceProbe(timeout(settings), line -> {
      err.println("watchfloor: " + line);
      err.flush();
    });
  }

  /** Waits until Kafka at {@code bootstrap} answers, with the settings' {@code kafka.*} client properties. */
  public void awaitKafka(Settings settings, String bootstrap, PrintWriter err) {
    java.util.Properties p = settings.kafkaProperties();
    p.put("bootstrap.servers", bootstrap);
    probe(settings, err).awaitKafka(p);
  }

  /** Waits until Elasticsearch at {@code url} (null: the settings') answers with the settings' credentials. */
  public void awaitElasticsearch(Settings settings, String url, PrintWriter err) {
    probe(settings, err).await("Elasticsearch", EsClients.url(settings, url), () -> EsClients.problem(settings, url));
  }
}
