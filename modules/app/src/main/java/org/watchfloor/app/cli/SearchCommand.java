package org.watchfloor.app.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.indexer.search.ArticleHit;
import org.watchfloor.indexer.search.ArticleSearch;
import org.watchfloor.indexer.search.ArticleTable;
import org.watchfloor.indexer.search.SearchQuery;
import org.watchfloor.model.Json;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.config.Durations;
import org.watchfloor.model.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchfloor search}: finds indexed articles and prints them as a table, newest first, or as JSON. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {
      "Search the indexed articles and print a table (time, level, actors, title, source), newest first.",
      "QUERY searches title, text and evidence as people type into search boxes: words are ANDed, "
          + "a OR b matches either, -word (or NOT word) excludes, \"quoted phrases\" match as phrases, "
          + "parentheses group. Filters combine with AND.",
      "",
      "Examples:",
      "  watchfloor search \"missile launch\" --actor PRK --since 24h",
      "  watchfloor search --topic nuclear --level HIGH --json"
    })
public final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "Free text; omit to list the newest.")
  String text;

  @Option(names = "--actor", paramLabel = "ID",
      description = "Only articles naming this actor id (e.g. PRK, KOR, USA, kim-jong-un); repeat for any of several.")
  List<String> actors = new ArrayList<>();

  @Option(names = "--topic", paramLabel = "ID",
      description = "Only articles with this topic (e.g. nuclear, missile, sanctions); repeat for any of several.")
  List<String> topics = new ArrayList<>();

  @Option(names = "--level", paramLabel = "LEVEL",
      description = "Only articles at this tension level or above: ${COMPLETION-CANDIDATES}.")
  TensionLevel level;

  @Option(names = "--since", paramLabel = "DURATION",
      description = "Only articles from the last DURATION (e.g. 90m, 24h, 7d). Default: all time.")
  String since;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "At most N articles (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print the hits as a JSON array, for scripts.")
  boolean json;

  @Option(names = "--width", paramLabel = "COLUMNS",
      description = "Table width in characters. Default: $COLUMNS, else 140.")
  Integer width;

  @picocli.CommandLine.Mixin ElasticsearchOptions es;

  @Override
  public Integer call() throws Exception {
    Duration window = since == null ? null : Durations.parse(since);
    SearchQuery query = new SearchQuery(text, actors, topics, level, window, limit);
    Settings settings = es.settings();
    es.awaitElasticsearch(settings, spec.commandLine().getErr());
    ElasticsearchClient client = EsClients.create(settings, es.url());
    try {
      List<ArticleHit> hits;
      try {
        hits = new ArticleSearch(client).search(query);
      } catch (java.io.IOException e) {
        spec.commandLine().getErr().println("cannot search Elasticsearch at " + EsClients.url(settings, es.url())
            + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return 2;
      }
      if (json) {
        spec.commandLine().getOut().println(Json.writeString(hits));
      } else {
        spec.commandLine().getOut().print(ArticleTable.format(hits, width != null ? width : terminalWidth()));
      }
      spec.commandLine().getOut().flush();
      return 0;
    } finally {
      EsClients.close(client);
    }
  }

  static int terminalWidth() {
    String columns = System.getenv("COLUMNS");
    try {
      return columns == null ? 140 : Math.max(80, Integer.parseInt(columns.trim()));
    } catch (NumberFormatException e) {
      return 140;
    }
  }
}
