package org.watchfloor.app.cli;

import org.watchfloor.alerting.AlertingApp;
import org.watchfloor.enricher.EnricherApp;
import org.watchfloor.feeds.FeedsApp;
import org.watchfloor.indexer.IndexerApp;
import org.watchfloor.pages.PagesApp;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;
import picocli.CommandLine.Command;

/** The five stage commands, each running one pipeline stage alone. */
final class StageCommands {
  private StageCommands() {}

  @Command(name = "feeds", mixinStandardHelpOptions = true,
      description = {"Run the feeds stage alone (polls sources, publishes new entries).",
          "Polls the sources in sources.yaml (RSS/Atom/RDF, JSON Feed 1.0/1.1 and listing pages) with",
          "conditional GET and adaptive intervals, and publishes each poll's new entries and the source's",
          "state in one Kafka transaction, so a crash re-emits and loses nothing. Instances split the sources",
          "through a Kafka consumer group; when one dies, the others take its sources over."})
  static final class Feeds extends StageCommand {
    @Override
    Stage create(StageContext ctx) {
      return FeedsApp.create(ctx);
    }
  }

  @Command(name = "pages", mixinStandardHelpOptions = true,
      description = {"Run the pages stage alone (fetches and extracts article pages).",
          "Fetches each new entry's page politely (robots.txt, per-host delay, retries for 5xx),",
          "extracts the main text and metadata, and publishes the raw article."})
  static final class Pages extends StageCommand {
    @Override
    Stage create(StageContext ctx) {
      return PagesApp.create(ctx);
    }
  }

  @Command(name = "enrich", mixinStandardHelpOptions = true,
      description = {"Run the enricher alone (Kafka Streams, exactly-once).",
          "Adds actors, topics, tension, dyads, near-duplicate story grouping and hourly aggregates."})
  static final class Enrich extends StageCommand {
    @Override
    Stage create(StageContext ctx) {
      return EnricherApp.create(ctx);
    }
  }

  @Command(name = "index", mixinStandardHelpOptions = true,
      description = {"Run the indexer alone (Kafka to Elasticsearch).",
          "Writes enriched articles, aggregates and alerts with the BulkIngester, committing offsets",
          "only after Elasticsearch acknowledged them."})
  static final class Index extends StageCommand {
    @Override
    Stage create(StageContext ctx) {
      return IndexerApp.create(ctx);
    }

    @Override
    boolean needsElasticsearch() {
      return true;
    }
  }

  @Command(name = "alert", mixinStandardHelpOptions = true,
      description = {"Run alerting alone (rules on the live stream, notifications).",
          "Evaluates alert-rules.yaml (and runtime rule changes) on the enriched stream and delivers",
          "notifications (webhook, Slack, email, log) exactly once. Webhook, Slack and SMTP hosts are",
          "resolved once and connected to at the address checked; a webhook or Slack host on a loopback or",
          "private address is refused unless alerting.notify.allow.private is true (SMTP: alerting.smtp.allow.private,",
          "default true)."})
  static final class Alert extends StageCommand {
    @Override
    Stage create(StageContext ctx) {
      return AlertingApp.create(ctx);
    }
  }
}
