package org.watchfloor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Json;
import picocli.CommandLine;

class ClassifyCommandTest {
  private static final String MISSILE = "North Korea fires missile toward Japan\n\n"
      + "North Korea fired a ballistic missile toward Japan on Monday, South Korea's military said. "
      + "Seoul said it was not seeing signs of an imminent nuclear test.\n";
  private static final String TALKS_HTML = "<!DOCTYPE html><html><head><title>Talks resume</title></head><body>"
      + "<article><h1>US and China resume trade talks</h1><p>Chinese and US negotiators held talks in Geneva on "
      + "Monday and agreed to continue the negotiations next month, officials said. Both sides described the "
      + "meeting as constructive and said tariffs would be discussed again.</p></article></body></html>";

  @TempDir
  Path dir;

  private static Path configDir() {
    Path d = Path.of("").toAbsolutePath();
    while (d != null && !Files.isRegularFile(d.resolve("config/actors.yaml"))) {
      d = d.getParent();
    }
    assertThat(d).as("config/actors.yaml above the working directory").isNotNull();
    return d.resolve("config");
  }

  private String runRaw(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new WatchfloorCommand());
    cmd.setOut(new PrintWriter(out));
    List<String> all = new ArrayList<>(List.of("classify", "--config", configDir().toString()));
    all.addAll(List.of(args));
    int exit = cmd.execute(all.toArray(new String[0]));
    assertThat(exit).as(out.toString()).isEqualTo(expectedExit);
    return out.toString();
  }

  private List<JsonNode> run(int expectedExit, String... args) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : runRaw(expectedExit, args).split("\n")) {
      if (!line.isBlank()) {
        lines.add(Json.MAPPER.readTree(line));
      }
    }
    return lines;
  }

  private static List<String> ids(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  @Test
  void printsOneJsonLinePerInputWithTheEnrichmentOrTheError() throws Exception {
    Path text = Files.writeString(dir.resolve("missile.txt"), MISSILE);
    Path html = Files.writeString(dir.resolve("talks.html"), TALKS_HTML);
    List<JsonNode> lines = run(1, text.toString(), html.toString(), dir.resolve("missing.txt").toString());

    assertThat(lines).hasSize(3);
    JsonNode missile = lines.get(0);
    assertThat(missile.get("ok").asBoolean()).isTrue();
    assertThat(missile.get("title").asText()).isEqualTo("North Korea fires missile toward Japan");
    assertThat(missile.get("language").asText()).isEqualTo("en");
    assertThat(ids(missile.get("actors"))).contains("PRK", "JPN", "KOR");
    assertThat(ids(missile.get("topics"))).contains("nuclear_missiles");
    assertThat(missile.get("tension").get("level").asText()).isIn("ELEVATED", "HIGH");
    assertThat(missile.get("dyads").get(0).get("source").asText()).isEqualTo("PRK");
    assertThat(missile.get("fingerprint").isNumber()).isTrue();

    JsonNode talks = lines.get(1);
    assertThat(talks.get("ok").asBoolean()).isTrue();
    assertThat(talks.get("title").asText()).contains("trade talks");
    assertThat(ids(talks.get("actors"))).contains("USA", "CHN");
    assertThat(ids(talks.get("topics"))).contains("diplomacy");
    assertThat(talks.get("tension").get("level").asText()).isIn("LOW", "GUARDED");

    assertThat(lines.get(2).get("ok").asBoolean()).isFalse();
    assertThat(lines.get(2).get("error").asText()).contains("NoSuchFileException");
  }

  @Test
  void classifiesHundredsOfInputsInOneRun() throws Exception {
    Path articles = Files.createDirectories(dir.resolve("articles"));
    for (int i = 0; i < 250; i++) {
      Files.writeString(articles.resolve(String.format("a%03d.txt", i)), i % 2 == 0 ? MISSILE
          : "Museum opens\n\nA new museum opened in Lisbon with paintings from Portugal and Brazil.");
    }
    List<JsonNode> lines = run(0, "--dir", articles.toString());
    assertThat(lines).hasSize(250);
    assertThat(lines).allSatisfy(l -> assertThat(l.get("ok").asBoolean()).isTrue());
    assertThat(ids(lines.get(1).get("actors"))).contains("PRT", "BRA");
    assertThat(lines.get(1).get("tension").get("level").asText()).isEqualTo("LOW");
  }

  @Test
  void explainPrintsTheEvidenceReadably() throws Exception {
    Path text = Files.writeString(dir.resolve("missile.txt"), MISSILE);
    String out = runRaw(0, "--explain", text.toString());
    assertThat(out).contains("tension", "actors", "topics", "events", "dyads");
    assertThat(out).contains("test_weapons").contains("[negation]");
    assertThat(out).contains("PRK -> JPN");
  }

  @Test
  void readsOneArticleFromStandardInput() throws Exception {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(MISSILE.getBytes(StandardCharsets.UTF_8)));
      List<JsonNode> lines = run(0, "-");
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0).get("input").asText()).isEqualTo("-");
      assertThat(ids(lines.get(0).get("actors"))).contains("PRK");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void fetchesAndClassifiesAUrl() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/news/1", exchange -> {
      byte[] body = TALKS_HTML.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(body);
      }
    });
    server.createContext("/robots.txt", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/news/1";
      List<JsonNode> lines = run(0, "--allow-private", "--host-delay", "10ms", url);
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0).get("ok").asBoolean()).as(lines.get(0).toString()).isTrue();
      assertThat(ids(lines.get(0).get("actors"))).contains("USA", "CHN");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aBrokenConfigIsReportedWithExitCode2() throws Exception {
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new WatchfloorCommand());
    cmd.setErr(new PrintWriter(err));
    Path text = Files.writeString(dir.resolve("missile.txt"), MISSILE);
    int exit = cmd.execute("classify", "--config", dir.toString(), text.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("actors.yaml");
  }
}
