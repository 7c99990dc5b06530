package org.watchfloor.app.cli;

import picocli.CommandLine.Command;

/** The top-level {@code watchfloor} command; each subcommand is its own class in this package. */
@Command(
    name = "watchfloor",
    mixinStandardHelpOptions = true,
    version = "watchfloor 0.1.0",
    description = {
      "Streaming news monitoring.",
      "Fetches feeds and pages, enriches them with actors, topics and tension in Kafka Streams,",
      "indexes them into Elasticsearch and alerts on the live stream.",
      "",
      "Quick start:  ./watchfloor up --demo --duration 90s"
    },
    subcommands = {
      // one line per command; keep this list sorted by pipeline order
      UpCommand.class,
      StageCommands.Feeds.class,
      StageCommands.Pages.class,
      StageCommands.Enrich.class,
      StageCommands.Index.class,
      StageCommands.Alert.class,
      DeskCommand.class,
      RulesCommand.class,
      FeedCommand.class,
      ExtractCommand.class,
      ClassifyCommand.class,
      ModelCommand.class,
      SearchCommand.class,
      TrendsCommand.class,
      ReprocessCommand.class,
      KibanaCommand.class,
      BenchCommand.class,
    })
public final class WatchfloorCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
