package org.watchfloor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.EnrichedArticle;

/** {@code watchfloor rules test}: replays articles indexed in the shared Elasticsearch node through a rules file. */
class RulesTestCommandIT {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static String url;
  private static String actor;
  private static String other;

  @TempDir
  Path dir;

  @BeforeAll
  static void indexArticles() throws Exception {
    url = IndexedArticles.elasticsearchUrl();
    actor = IndexedArticles.uniqueActor("R");
    other = IndexedArticles.uniqueActor("O");
    IndexedArticles.index(url, List.of(
        article("high", 5, 70, List.of(actor)),
        article("low", 4, 10, List.of(actor)),
        article("severe-kor", 3, 90, List.of(actor, "KOR")),
        article("other-actor", 2, 75, List.of(other)),
        article("three-days-old", 72, 75, List.of(actor))));
  }

  private static EnrichedArticle article(String name, int hoursAgo, double tension,
      List<String> actors) {
    Instant fetched = NOW.minus(hoursAgo, ChronoUnit.HOURS);
    return IndexedArticles.article(actor + "-" + name, fetched, fetched, title(name), tension, actors, List.of());
  }

  private static String title(String name) {
    return "Story " + name + " of " + actor;
  }

  private Path rules(String yaml) throws Exception {
    Path file = dir.resolve("rules.yaml");
    Files.writeString(file, yaml.replace("ACTOR", actor));
    return file;
  }

  private Path twoRules() throws Exception {
    return rules("""
        rules:
          - id: actor-high
            name: High tension naming the actor
            type: match
            filter:
              actors: [ACTOR]
              min_level: HIGH
          - id: actor-kor
            name: The actor against South Korea
            type: match
            filter:
              dyads: [ACTOR>KOR]
        """);
  }

  private static CliRun rulesTest(Path file, String... args) {
    List<String> all = new ArrayList<>(List.of("rules", "test", file.toString(), "--elasticsearch", url));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  /** The printed alert lines of one rule, in printed order. */
  private static List<String> alerts(CliRun run, String ruleId) {
    return run.out().lines().filter(l -> l.matches("\\S+Z  \\S+\\s+" + ruleId + " .*")).toList();
  }

  @Test
  void reportsTheArticlesEachRuleWouldHaveMatchedOldestFirst() throws Exception {
    CliRun run = rulesTest(twoRules(), "--since", "24h");

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    List<String> high = alerts(run, "actor-high");
    assertThat(high).hasSize(2);
    assertThat(high.get(0)).contains("HIGH", "High tension naming the actor: " + title("high"));
    assertThat(high.get(1)).contains("SEVERE", "High tension naming the actor: " + title("severe-kor"));
    assertThat(alerts(run, "actor-kor")).singleElement().asString()
        .contains("The actor against South Korea: " + title("severe-kor"));
    assertThat(run.out()).doesNotContain(title("low"), title("other-actor"), title("three-days-old"));
    assertThat(run.out()).containsPattern("\\d+ article\\(s\\) since .* replayed through 2 rule\\(s\\): "
        + "\\d+ alert\\(s\\) would have fired");
    assertThat(run.out()).containsPattern("(?m)^  actor-high +2$").containsPattern("(?m)^  actor-kor +1$");
  }

  @Test
  void sinceReachesFurtherBack() throws Exception {
    CliRun run = rulesTest(twoRules(), "--since", "4d");

    assertThat(run.exit()).isZero();
    assertThat(alerts(run, "actor-high")).hasSize(3).first().asString().contains(title("three-days-old"));
    assertThat(run.out()).containsPattern("(?m)^  actor-high +3$");
  }

  @Test
  void aRejectedRuleIsReportedOnErrWhileTheValidOnesStillReplay() throws Exception {
    Path file = rules("""
        rules:
          - {id: actor-any, name: Any article naming the actor, type: match, filter: {actors: [ACTOR]}}
          - {id: broken, type: frequency, window: 1 hour, threshold: 3}
        """);

    CliRun run = rulesTest(file, "--since", "24h");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("rule 'broken'", "window");
    assertThat(alerts(run, "actor-any")).hasSize(3);
    assertThat(run.out()).contains(title("low")).doesNotContain(title("other-actor"), "  broken");
  }

  @Test
  void unreachableElasticsearchIsSaidInPlainWordsUntilTheWaitTimeoutThenExitCode3() throws Exception {
    String dead = IndexedArticles.deadUrl();

    CliRun run = CliRun.withErrorHandling("rules", "test", twoRules().toString(), "--elasticsearch", dead,
        "--wait-timeout", "2s");

    assertThat(run.exit()).isEqualTo(org.watchfloor.app.Watchfloor.SERVICE_UNAVAILABLE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("cannot reach Elasticsearch at " + dead + ": connection refused",
        "gave up after 2s (--wait-timeout)").doesNotContain("\tat ", "Exception");
  }
}
