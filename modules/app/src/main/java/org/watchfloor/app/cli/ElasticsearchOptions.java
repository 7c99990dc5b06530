package org.watchfloor.app.cli;

import java.nio.file.Path;
import org.watchfloor.model.config.Settings;
import picocli.CommandLine.Option;

/** The options of commands that only read Elasticsearch: where it is, and the config folder with its credentials. */
public final class ElasticsearchOptions {
  @Option(names = "--elasticsearch", paramLabel = "URL",
      description = "Elasticsearch URL. Default: elasticsearch.url from watchfloor.yaml "
          + "(or WATCHFLOOR_ELASTICSEARCH_URL), else http://127.0.0.1:9200.")
  String elasticsearch;

  @Option(names = "--config", paramLabel = "DIR",
      description = "Config folder holding watchfloor.yaml (Elasticsearch URL and credentials).")
  Path config;

  @picocli.CommandLine.Mixin WaitOptions wait = new WaitOptions();

  /** Waits until Elasticsearch answers, reporting each failed attempt to {@code err} (see {@link WaitOptions}). */
  public void awaitElasticsearch(Settings settings, java.io.PrintWriter err) {
    wait.awaitElasticsearch(settings, elasticsearch, err);
  }

  /** The URL given on the command line, or null to take it from the settings. */
  public String url() {
    return elasticsearch;
  }

  public Settings settings() {
    return Settings.load(config != null ? config : ServiceOptions.defaultConfigDir());
  }
}
