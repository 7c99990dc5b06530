package org.watchfloor.app.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.indexer.search.TrendInterval;
import org.watchfloor.indexer.search.TrendPoint;
import org.watchfloor.indexer.search.TrendTable;
import org.watchfloor.indexer.search.Trends;
import org.watchfloor.model.Json;
import org.watchfloor.model.config.Durations;
import org.watchfloor.model.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor trends}: an actor's article volume and tension over time, with terminal sparklines. */
@Command(name = "trends", mixinStandardHelpOptions = true,
    description = {
      "Print an actor's hourly or daily article volume and mean and max tension (0-100), with sparklines, "
          + "from the indexed articles.",
      "",
      "Examples:",
      "  watchfloor trends --actor PRK",
      "  watchfloor trends --actor RUS --since 48h --interval hour"
    })
public final class TrendsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--actor", required = true, paramLabel = "ID", description = "Actor id, e.g. PRK, KOR, USA.")
  String actor;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "7d",
      description = "How far back (default: ${DEFAULT-VALUE}).")
  String since;

  @Option(names = "--interval", paramLabel = "hour|day",
      description = "Bucket size. Default: hour when --since is 2 days or less, else day.")
  String interval;

  @Option(names = "--json", description = "Print the buckets as a JSON array, for scripts.")
  boolean json;

  @picocli.CommandLine.Mixin ElasticsearchOptions es;

  @Override
  public Integer call() throws Exception {
    Duration window = Durations.parse(since);
    TrendInterval bucket = interval == null
        ? (window.compareTo(Duration.ofDays(2)) <= 0 ? TrendInterval.HOUR : TrendInterval.DAY)
        : parseInterval(interval);
    Settings settings = es.settings();
    es.awaitElasticsearch(settings, spec.commandLine().getErr());
    ElasticsearchClient client = EsClients.create(settings, es.url());
    try {
      List<TrendPoint> points;
      try {
        points = new Trends(client).trend(actor, window, bucket, Instant.now());
      } catch (java.io.IOException e) {
        spec.commandLine().getErr().println("cannot query Elasticsearch at " + EsClients.url(settings, es.url())
            + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return 2;
      }
      if (json) {
        spec.commandLine().getOut().println(Json.writeString(points));
      } else {
        spec.commandLine().getOut().print(TrendTable.format(actor, points, bucket));
      }
      spec.commandLine().getOut().flush();
      return 0;
    } finally {
      EsClients.close(client);
    }
  }

  private TrendInterval parseInterval(String value) {
    try {
      return TrendInterval.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--interval must be hour or day, got '" + value + "'");
    }
  }
}
