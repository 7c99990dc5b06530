package org.watchfloor.app.cli;

import org.watchfloor.alerting.AlertingApp;
import org.watchfloor.enricher.EnricherApp;
import org.watchfloor.feeds.FeedsApp;
import org.watchfloor.indexer.IndexerApp;
import org.watchfloor.model.stage.Stage;
import org.watchfloor.model.stage.StageContext;
import org.watchfloor.pages.PagesApp;
import picocli.CommandLine.Command;

/** The five stage commands, each running one pipeline stage alone. */
final class StageCommands {
  private StageCommands() {}

  @Command(name = "feeds", mixinStandardHelpOptions = true,
      description = {"Run the feeds stage alone: poll the sources in sources.yaml (RSS/Atom/RDF and listing pages)",
          "and publish new entries. Instances split the sources through a Kafka consumer group."})
  static final class Feeds extends StageCommand {
    @Override
    Stage create(StageContext ctx) {
      return FeedsApp.create(ctx);
    }
  }

  @Command(name = "pages", mixinStandardHelpOptions = true,
      description = {"Run the pages stage alone: fetch each new entry's page politely (robots.txt, per-host delay)",
          "and publish the extracted article to the raw topic."})
  static final class Pages extends StageCommand {
    @Override
    Stage create(StageContext ctx) {
      return PagesApp.create(ctx);
    }
  }

  @Command(name = "enrich", mixinStandardHelpOptions = true,
      description = {"Run the enricher alone (Kafka Streams, exactly-once): actors, topics, tension, dyads,",
          "near-duplicate story grouping and hourly aggregates."})
  static final class Enrich extends StageCommand {
    @Override
    Stage create(StageContext ctx) {
      return EnricherApp.create(ctx);
    }
  }

  @Command(name = "index", mixinStandardHelpOptions = true,
      description = {"Run the indexer alone: write enriched articles, aggregates and alerts into Elasticsearch",
          "with the BulkIngester, committing offsets only after Elasticsearch acknowledged them."})
  static final class Index extends StageCommand {
    @Override
    Stage create(StageContext ctx) {
      return IndexerApp.create(ctx);
    }
  }

  @Command(name = "alert", mixinStandardHelpOptions = true,
      description = {"Run alerting alone: evaluate alert-rules.yaml (and runtime rule changes) on the live",
          "stream and deliver notifications (webhook, Slack, email, log) exactly once."})
  static final class Alert extends StageCommand {
    @Override
    Stage create(StageContext ctx) {
      return AlertingApp.create(ctx);
    }
  }
}
