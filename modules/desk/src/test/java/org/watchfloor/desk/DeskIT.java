package org.watchfloor.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.watchfloor.desk.TestArticles.article;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.watchfloor.alerting.AlertingApp;
import org.watchfloor.desk.server.DeskSettings;
import org.watchfloor.devstack.DevStack;
import org.watchfloor.devstack.SharedStack;
import org.watchfloor.indexer.IndexerApp;
import org.watchfloor.model.Alert;
import org.watchfloor.model.EnrichedArticle;
import org.watchfloor.model.Json;
import org.watchfloor.model.Topics;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.Stage;
import org.watchfloor.runtime.StageContext;

/**
 * The desk in headless Chromium on the real local stack: the indexer and alerting stages run, articles are published
 * to the enriched topic as the enricher would, and the page is driven as a person would use it.
 */
class DeskIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  /** An actor of this run only, named by the rule under test. */
  private static final String ACTOR = "X" + RUN;
  /** An actor of this run only, named by the marker rule that is never silenced. */
  private static final String MARKER = "M" + RUN;
  private static final String RULE = "desk-it-" + RUN.toLowerCase();
  private static final String MARKER_RULE = "desk-marker-" + RUN.toLowerCase();
  private static final Path SHOTS = Path.of("target", "screenshots");

  private static DevStack stack;
  private static Path dir;
  private static final List<Stage> stages = new ArrayList<>();
  private static Desk desk;
  private static ChromeDriver driver;
  static Path profile;
  private static KafkaProducer<byte[], byte[]> producer;
  private static KafkaConsumer<byte[], byte[]> alerts;
  private static final List<Alert> firedAlerts = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    stack = SharedStack.get();
    dir = Files.createTempDirectory("desk-it-");
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(config.resolve("alert-rules.yaml"), """
        rules:
          - {id: %s, name: Desk test rule, type: match, group_by: actor, filter: {actors: [%s], min_level: HIGH}}
          - {id: %s, name: Desk marker rule, type: match, filter: {actors: [%s]}}
        """.formatted(RULE, ACTOR, MARKER_RULE, MARKER));
    Map<String, String> values = new HashMap<>();
    values.put("indexer.group", "watchfloor-desk-it-indexer-" + RUN);
    values.put("indexer.backoff.initial", "200ms");
    values.put("alerting.application.id", "watchfloor-desk-it-alerting-" + RUN);
    values.put("alerting.state.dir", dir.resolve("state").toString());
    values.put("alerting.tick", "1s");
    Settings settings = Settings.of(values, config);
    StageContext ctx = new StageContext(settings, stack.kafka().bootstrapServers(), stack.elasticsearch().url(),
        new SimpleMeterRegistry());
    for (Stage s : List.of(IndexerApp.create(ctx), AlertingApp.create(ctx))) {
      s.start();
      stages.add(s);
    }
    Properties p = new Properties();
    p.put("bootstrap.servers", stack.kafka().bootstrapServers());
    p.put("acks", "all");
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    startAlertsWatch();
    // the alerting stage is ready once a marker article has come back as an alert
    EnrichedArticle warm = article("warm-" + RUN).actors(MARKER).build();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() -> {
      publish(warm);
      return firedAlerts.stream().anyMatch(a -> a.articleIds().contains(warm.id()));
    });

    desk = Desk.start(new DeskSettings(null, 0, null, null, null), settings, stack.kafka().bootstrapServers(),
        stack.elasticsearch().url());
    Files.createDirectories(SHOTS);
    driver = browser();
  }

  /** Headless Chromium and its driver from the distribution's packages, with a fresh profile. */
  static ChromeDriver browser() throws Exception {
    profile = Files.createTempDirectory("desk-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Path.of("/usr/bin/chromium").toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
        "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  static void startAlertsWatch() {
    Properties p = new Properties();
    p.put("bootstrap.servers", stack.kafka().bootstrapServers());
    p.put("isolation.level", "read_committed");
    alerts = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> parts = alerts.partitionsFor(Topics.ALERTS).stream()
        .map(pi -> new TopicPartition(Topics.ALERTS, pi.partition())).toList();
    alerts.assign(parts);
    alerts.seekToEnd(parts);
    parts.forEach(alerts::position);
    Thread t = new Thread(() -> {
      try {
        while (true) {
          for (ConsumerRecord<byte[], byte[]> r : alerts.poll(Duration.ofMillis(200))) {
            firedAlerts.add(Json.read(r.value(), Alert.class));
          }
        }
      } catch (org.apache.kafka.common.errors.WakeupException e) {
        alerts.close();
      }
    }, "desk-it-alerts");
    t.setDaemon(true);
    t.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (desk != null) {
      desk.close();
    }
    for (Stage s : stages) {
      s.close();
    }
    if (alerts != null) {
      alerts.wakeup();
    }
    if (producer != null) {
      producer.close();
    }
    for (Path p : new Path[] {profile, dir}) {
      if (p != null) {
        try (var files = Files.walk(p)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    }
  }

  /** Sends an article to the enriched topic's first partition, so that articles keep their order through alerting. */
  static void publish(EnrichedArticle a) throws Exception {
    producer.send(new ProducerRecord<>(Topics.ENRICHED, 0, a.id().getBytes(StandardCharsets.UTF_8), Json.write(a)))
        .get();
  }

  static void open(String query) {
    driver.get(desk.url() + query);
    await().atMost(Duration.ofSeconds(15)).until(() -> "live".equals(driver.findElement(By.id("conn")).getText()));
  }

  static void shot(String name) throws Exception {
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  static WebElement row(String id) {
    List<WebElement> rows = driver.findElements(By.cssSelector("#stream li.row[data-id='" + id + "']"));
    return rows.isEmpty() ? null : rows.get(0);
  }

  static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  static void awaitIndexed(String id) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(desk.url() + "api/articles/" + id)).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    });
  }

  @Test
  void newArticlesAppearInTheLiveStreamWithinTwoSecondsNewestFirst() throws Exception {
    open("");
    EnrichedArticle first = article("live1-" + RUN).title("Coast guard reports a ship seized " + RUN)
        .actors("KOR").score(55).source("desk-wire").build();
    EnrichedArticle second = article("live2-" + RUN).title("Ministers meet on trade " + RUN).actors("JPN")
        .score(15).build();
    publish(first);
    long sent = System.nanoTime();
    publish(second);
    await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
        .until(() -> row(first.id()) != null && row(second.id()) != null);
    long millis = (System.nanoTime() - sent) / 1_000_000;

    assertThat(millis).isLessThan(2000);
    WebElement top = driver.findElements(By.cssSelector("#stream li.row")).get(0);
    assertThat(top.getAttribute("data-id")).isEqualTo(second.id());
    String text = row(first.id()).getText();
    assertThat(text).contains("ELEVATED 55", "Coast guard reports a ship seized", "desk-wire", "Name of KOR",
        "UTC");
    shot("desk-stream");
  }

  @Test
  void filtersTheStreamAndKeepsTheFilterInTheUrl() throws Exception {
    open("?actor=" + ACTOR);
    WebElement q = driver.findElement(By.id("q"));
    driver.findElement(By.tagName("body")).sendKeys("/");
    assertThat(driver.switchTo().activeElement()).isEqualTo(q);
    q.sendKeys("missile OR nuclear", Keys.ENTER);
    await().atMost(Duration.ofSeconds(5)).until(() -> driver.getCurrentUrl().contains("q=missile+OR+nuclear")
        && "live".equals(driver.findElement(By.id("conn")).getText()));
    assertThat(driver.getCurrentUrl()).contains("actor=" + ACTOR);

    EnrichedArticle wrongActor = article("f1-" + RUN).title("Missile test " + RUN).actors("KOR").build();
    EnrichedArticle wrongText = article("f2-" + RUN).title("Harvest festival " + RUN).actors(ACTOR).build();
    EnrichedArticle nuclear = article("f3-" + RUN).title("Nuclear talks stall " + RUN).actors(ACTOR).build();
    EnrichedArticle missile = article("f4-" + RUN).title("Missile drill " + RUN).actors(ACTOR).build();
    for (EnrichedArticle a : List.of(wrongActor, wrongText, nuclear, missile)) {
      publish(a);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> row(nuclear.id()) != null && row(missile.id()) != null);
    assertThat(row(wrongActor.id())).isNull();
    assertThat(row(wrongText.id())).isNull();

    // the same view, bookmarked: history from Elasticsearch under the same filter
    awaitIndexed(missile.id());
    awaitIndexed(wrongText.id());
    driver.navigate().refresh();
    await().atMost(Duration.ofSeconds(10)).until(() -> row(missile.id()) != null);
    assertThat(row(nuclear.id())).isNotNull();
    assertThat(row(wrongText.id())).isNull();
    assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("missile OR nuclear");
    shot("desk-filtered");
  }

  @Test
  void opensAnArticleWithItsEvidenceActorsAndStory() throws Exception {
    String evidence = "The army said it fired two ballistic missiles toward the sea.";
    EnrichedArticle a = article("open-" + RUN).title("Missiles fired toward the sea " + RUN).actors("PRK", ACTOR)
        .dyads("PRK>KOR").topics("nuclear_missiles").score(74)
        .text("Officials met in the morning. " + evidence + " Neighbours condemned the launch.")
        .evidence(evidence).build();
    EnrichedArticle copy = article("copy-" + RUN).title("Copy: missiles fired " + RUN).actors("PRK")
        .story(a.id()).duplicateOf(a.id()).build();
    open("");
    publish(a);
    publish(copy);
    awaitIndexed(a.id());
    awaitIndexed(copy.id());
    await().atMost(Duration.ofSeconds(5)).until(() -> row(a.id()) != null);
    await().atMost(Duration.ofSeconds(5)).until(() -> row(copy.id()) != null);
    driver.findElement(By.tagName("body")).sendKeys("j");
    for (int i = 0; i < 10 && !row(a.id()).getAttribute("class").contains("selected"); i++) {
      driver.switchTo().activeElement().sendKeys("j");
    }
    assertThat(row(a.id()).getAttribute("class")).contains("selected");
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);

    await().atMost(Duration.ofSeconds(10)).until(() -> !driver.findElements(By.cssSelector("#article-body h2"))
        .isEmpty());
    WebElement panel = driver.findElement(By.id("article"));
    assertThat(panel.findElement(By.cssSelector("h2")).getText()).isEqualTo(a.article().title());
    assertThat(panel.findElement(By.cssSelector("mark.evidence")).getText()).isEqualTo(evidence);
    assertThat(panel.findElement(By.cssSelector(".source-link a")).getAttribute("href"))
        .isEqualTo(a.article().url());
    assertThat(panel.findElements(By.cssSelector("ul.chips a"))).extracting(e -> e.getAttribute("href"))
        .contains("https://www.wikidata.org/wiki/Q423");
    assertThat(panel.getText()).contains("PRK>KOR", "nuclear_missiles", "near-duplicate", "Copy: missiles fired");
    shot("desk-article");
    driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    await().atMost(Duration.ofSeconds(2)).until(() -> !panel.isDisplayed());
  }

  @Test
  void acknowledgesAnAlertForEveryDeskAndSilencesItsRule() throws Exception {
    open("?view=alerts");
    EnrichedArticle hit = article("alert1-" + RUN).title("Border clash reported " + RUN).actors(ACTOR).score(78)
        .build();
    publish(hit);
    By alertRow = By.xpath("//ol[@id='inbox']/li[contains(., '" + RULE + "') and contains(., 'Border clash')]");
    await().atMost(Duration.ofSeconds(15)).until(() -> !driver.findElements(alertRow).isEmpty());
    // the inbox is redrawn as alerts and actions arrive: read and click the row as it is at that moment
    String alertId = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
        .until(() -> driver.findElement(alertRow).getAttribute("data-id"), id -> id != null);
    assertThat(await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
        .until(() -> driver.findElement(alertRow).getText(), t -> t != null))
        .contains("HIGH", "Desk test rule", ACTOR);
    shot("desk-alerts");
    click(alertRow, "button.do-ack");
    await().atMost(Duration.ofSeconds(5)).until(() -> driver.findElements(alertRow).isEmpty());

    // a second desk instance, started afterwards, sees the same acknowledgement
    try (Desk other = Desk.start(new DeskSettings(null, 0, null, null, null), Settings.of(Map.of(), dir),
        stack.kafka().bootstrapServers(), stack.elasticsearch().url())) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(other.url() + "api/alerts")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(Json.MAPPER.readTree(r.body()).path("states").path(alertId).path("state").asText())
          .isEqualTo("acknowledged");
    }

    // a second matching article alerts again until the rule is silenced from the desk
    EnrichedArticle again = article("alert2-" + RUN).title("Second clash " + RUN).actors(ACTOR).score(79).build();
    publish(again);
    await().atMost(Duration.ofSeconds(15)).until(() -> fired(again.id()));
    By againRow = By.xpath("//ol[@id='inbox']/li[contains(., '" + RULE + "') and contains(., 'Second clash')]");
    await().atMost(Duration.ofSeconds(15)).until(() -> !driver.findElements(againRow).isEmpty());
    click(againRow, "button.do-silence");
    await().atMost(Duration.ofSeconds(5)).until(() -> driver.findElement(By.id("problem")).getText()
        .contains("silenced until"));

    // the silence reaches the alerting stage through the rules topic; a marker article on the same partition after
    // the silenced one proves the stage has evaluated it
    EnrichedArticle silenced = article("alert3-" + RUN).title("Third clash " + RUN).actors(ACTOR).score(80).build();
    // once the stage has taken the silence in, a marker article sent after the silence comes back as an alert
    List<String> probes = new CopyOnWriteArrayList<>();
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      EnrichedArticle probe = article("probe-" + UUID.randomUUID()).actors(MARKER).build();
      publish(probe);
      probes.add(probe.id());
      return probes.stream().anyMatch(DeskIT::fired);
    });
    publish(silenced);
    EnrichedArticle marker = article("marker-" + RUN).actors(MARKER).build();
    publish(marker);
    await().atMost(Duration.ofSeconds(15)).until(() -> fired(marker.id()));
    assertThat(fired(silenced.id())).as("an alert for the article after the silence").isFalse();
  }

  @Test
  void rendersAHostileArticleAsInertText() throws Exception {
    String title = "<img src=x onerror=alert(1)> " + RUN;
    String body = "Before. <script>window.__pwned = 1; alert(2)</script> <a href=\"javascript:alert(3)\">click</a>";
    EnrichedArticle hostile = article("hostile-" + RUN).title(title).text(body).url("javascript:alert(3)")
        .actors(ACTOR).score(30).evidence("<script>window.__pwned = 1; alert(2)</script>").build();
    open("");
    js("window.__pwned = undefined;");
    publish(hostile);
    await().atMost(Duration.ofSeconds(5)).until(() -> row(hostile.id()) != null);
    awaitIndexed(hostile.id());
    row(hostile.id()).click();
    await().atMost(Duration.ofSeconds(10)).until(() -> !driver.findElements(By.cssSelector("#article-body h2"))
        .isEmpty());

    assertThat(row(hostile.id()).findElement(By.cssSelector(".title")).getText()).isEqualTo(title);
    assertThat(driver.findElements(By.cssSelector("#stream img, #article img, #article script"))).isEmpty();
    WebElement panel = driver.findElement(By.id("article"));
    assertThat(panel.findElement(By.cssSelector("h2")).getText()).isEqualTo(title);
    assertThat(panel.findElement(By.cssSelector(".text")).getText()).contains("<script>window.__pwned = 1;",
        "<a href=\"javascript:alert(3)\">click</a>");
    assertThat(panel.findElement(By.cssSelector(".source-link")).getText()).isEqualTo("no safe link to the source");
    assertThat(driver.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(js("return window.__pwned === undefined;")).isEqualTo(true);
    shot("desk-hostile");
  }

  @Test
  void fitsAPhoneAndShowsTrendsAndThePipeline() throws Exception {
    EnrichedArticle a = article("trend-" + RUN).title("Trend sample " + RUN).actors(ACTOR).score(66).build();
    publish(a);
    awaitIndexed(a.id());
    open("?view=trends");
    driver.findElement(By.id("trend-who")).clear();
    driver.findElement(By.id("trend-who")).sendKeys(ACTOR, Keys.ENTER);
    await().atMost(Duration.ofSeconds(10)).until(() -> driver.findElement(By.id("trend-caption")).getText()
        .contains(ACTOR) && !driver.findElements(By.cssSelector("#chart-tension canvas")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#chart-topics canvas"))).isNotEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() -> !driver.findElements(By.cssSelector("#rising li")).isEmpty());
    shot("desk-trends");

    driver.findElement(By.tagName("body")).sendKeys("4");
    await().atMost(Duration.ofSeconds(10)).until(() -> driver.findElements(By.cssSelector("#stages tbody tr"))
        .size() > 0);
    assertThat(driver.findElement(By.id("stages")).getText()).contains("watchfloor-desk-it-alerting-" + RUN);
    shot("desk-pipeline");

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.findElement(By.tagName("body")).sendKeys("1");
    await().atMost(Duration.ofSeconds(5)).until(() -> driver.findElement(By.id("view-stream")).isDisplayed());
    assertThat(((Number) js("return document.documentElement.scrollWidth;")).intValue())
        .isLessThanOrEqualTo(((Number) js("return window.innerWidth;")).intValue());
    shot("desk-phone");
    driver.manage().window().setSize(new Dimension(1280, 800));
  }

  /** Clicks a button of a row, again if the row was redrawn under the click. */
  static void click(By row, String button) {
    await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> {
      driver.findElement(row).findElement(By.cssSelector(button)).click();
      return true;
    });
  }

  static boolean fired(String articleId) {
    return firedAlerts.stream().anyMatch(x -> x.articleIds().contains(articleId));
  }
}
