package org.watchfloor.app.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.watchfloor.alerting.replay.RuleReplay;
import org.watchfloor.alerting.rules.Rule;
import org.watchfloor.alerting.rules.RuleEngine;
import org.watchfloor.alerting.rules.RuleLoader;
import org.watchfloor.alerting.rules.RuleProblem;
import org.watchfloor.alerting.rules.RuleSet;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.indexer.search.ArticleHistory;
import org.watchfloor.model.Alert;
import org.watchfloor.model.config.Durations;
import org.watchfloor.model.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchfloor rules}: validates alert rule files and replays indexed history through them. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = {
      "Check and tune alert rules (config/alert-rules.yaml) before they go live.",
      "",
      "  watchfloor rules check config/alert-rules.yaml",
      "  watchfloor rules test config/alert-rules.yaml --since 7d"
    },
    subcommands = {RulesCommand.Check.class, RulesCommand.Test.class})
public final class RulesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Prints the problems of a rules file, naming rule and field, and returns how many there were. */
  static int report(RuleSet set, PrintWriter err) {
    for (RuleProblem p : set.problems()) {
      err.println("error: " + p);
    }
    err.flush();
    return set.problems().size();
  }

  /** {@code watchfloor rules check FILE}. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {
        "Validate a rules file: every rule, channel and silence, with a message naming the rule and the field.",
        "Exits 0 when the file is valid, 1 when any rule is rejected (the alerting stage does not start on such a file).",
        "${ENV} references are substituted from the environment, as at run time."
      })
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The rules file, e.g. config/alert-rules.yaml.")
    Path file;

    @Override
    public Integer call() {
      RuleSet set = RuleLoader.withSystemEnv().load(file);
      int problems = report(set, spec.commandLine().getErr());
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s: %d rule(s) valid, %d silence(s), %d channel(s), %d problem(s)%n", file, set.rules().size(),
          set.silences().size(), set.channels().size(), problems);
      for (Rule r : set.rules()) {
        out.printf("  %-28s %-13s %s%n", r.id(), r.type(), r.name());
      }
      out.flush();
      return problems == 0 ? 0 : 1;
    }
  }

  /** {@code watchfloor rules test FILE --since 7d}. */
  @Command(name = "test", mixinStandardHelpOptions = true,
      description = {
        "Replay the articles indexed in Elasticsearch (alias watchfloor-articles) through the rules, oldest first,",
        "and print every alert that would have fired, then a count per rule. Nothing is sent and nothing is written.",
        "Rejected rules are reported and left out; the exit code is 1 if any rule was rejected, 2 if Elasticsearch",
        "cannot be read."
      })
  static final class Test implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The rules file, e.g. config/alert-rules.yaml.")
    Path file;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "7d",
        description = "Replay the articles fetched in the last DURATION (default: ${DEFAULT-VALUE}).")
    String since;

    @picocli.CommandLine.Mixin ElasticsearchOptions es;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "200",
        description = "Print at most N alerts (default: ${DEFAULT-VALUE}); the counts cover all of them.")
    int limit;

    @Override
    public Integer call() throws Exception {
      RuleSet set = RuleLoader.withSystemEnv().load(file);
      int problems = report(set, spec.commandLine().getErr());
      Settings settings = es.settings();
      es.awaitElasticsearch(settings, spec.commandLine().getErr());
      String url = EsClients.url(settings, es.url());
      Instant now = Instant.now();
      Instant from = now.minus(Durations.parse(since));
      RuleReplay replay = new RuleReplay(RuleEngine.of(set));
      ElasticsearchClient client = EsClients.create(settings, url);
      try {
        new ArticleHistory(client).forEach(from, replay::accept);
      } catch (IOException e) {
        // as search and trends do: one line on err, not a stack trace with exit code 1, which means a rejected rule
        spec.commandLine().getErr().println("cannot read the articles from Elasticsearch at " + url + ": "
            + (e.getMessage() == null ? e.toString() : e.getMessage()));
        spec.commandLine().getErr().flush();
        return 2;
      } finally {
        EsClients.close(client);
      }
      List<Alert> alerts = replay.finish(now);
      PrintWriter out = spec.commandLine().getOut();
      Map<String, Integer> perRule = new TreeMap<>();
      int shown = 0;
      for (Alert a : alerts) {
        perRule.merge(a.ruleId(), 1, Integer::sum);
        if (shown++ < limit) {
          out.printf("%s  %-8s %-24s %-16s %s%n", a.firedAt(), a.level(), a.ruleId(), a.key(), a.title());
        }
      }
      out.printf("%d article(s) since %s replayed through %d rule(s): %d alert(s) would have fired%n",
          replay.articles(), from, set.rules().size(), alerts.size());
      for (Rule r : set.rules()) {
        out.printf("  %-28s %6d%n", r.id(), perRule.getOrDefault(r.id(), 0));
      }
      out.flush();
      return problems == 0 ? 0 : 1;
    }
  }
}
