package org.watchfloor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.model.Json;
import picocli.CommandLine;

class FeedCommandTest {
  private static final String RSS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
      + "<title>Desk</title><link>https://x.example/</link><description>d</description>"
      + "<item><title>Missile launch</title><link>https://x.example/1</link><guid>g1</guid>"
      + "<pubDate>Mon, 23 Nov 2026 01:30:00 GMT</pubDate></item>"
      + "<item><title>Drills</title><link>https://x.example/2</link></item></channel></rss>";

  @TempDir
  Path dir;

  private List<JsonNode> run(int expectedExit, String... args) throws IOException {
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new WatchfloorCommand());
    cmd.setOut(new PrintWriter(out));
    int exit = cmd.execute(args);
    assertThat(exit).isEqualTo(expectedExit);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        lines.add(Json.MAPPER.readTree(line));
      }
    }
    return lines;
  }

  @Test
  void printsOneJsonLinePerInputWithEntriesOrTheError() throws Exception {
    Path good = Files.writeString(dir.resolve("good.xml"), RSS);
    Path gz = dir.resolve("good.xml.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(RSS.getBytes(StandardCharsets.UTF_8));
    }
    Path html = Files.writeString(dir.resolve("page.xml"), "<!DOCTYPE html><html><body>hi</body></html>");
    Path xxe = Files.writeString(dir.resolve("xxe.xml"),
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss>&x;</rss>");
    List<JsonNode> lines = run(1, "feed", "parse", good.toString(), gz.toString(), html.toString(), xxe.toString(),
        dir.resolve("missing.xml").toString());
    assertThat(lines).hasSize(5);
    JsonNode first = lines.get(0);
    assertThat(first.get("ok").asBoolean()).isTrue();
    assertThat(first.get("format").asText()).isEqualTo("rss_2.0");
    assertThat(first.get("entry_count").asInt()).isEqualTo(2);
    assertThat(first.get("entries").get(0).get("id").asText()).isEqualTo("g1");
    assertThat(first.get("entries").get(0).get("link").asText()).isEqualTo("https://x.example/1");
    assertThat(first.get("entries").get(0).get("published").asText()).isEqualTo("2026-11-23T01:30:00Z");
    assertThat(lines.get(1).get("entry_count").asInt()).isEqualTo(2);
    assertThat(lines.get(2).get("reason").asText()).isEqualTo("HTML_NOT_FEED");
    assertThat(lines.get(3).get("reason").asText()).isEqualTo("DOCTYPE_REFUSED");
    assertThat(lines.get(4).get("ok").asBoolean()).isFalse();
    assertThat(lines.get(4).get("reason").asText()).isEqualTo("READ_ERROR");
    assertThat(lines.get(4).get("error").asText()).endsWith("missing.xml: no such file");
  }

  @Test
  void fetchesUrlsAndRefusesLoopbackWithoutAllowPrivate() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/feed", ex -> {
      byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed";
      List<JsonNode> allowed = run(0, "feed", "parse", "--allow-private", "--no-entries", url);
      assertThat(allowed.get(0).get("ok").asBoolean()).isTrue();
      assertThat(allowed.get(0).get("entry_count").asInt()).isEqualTo(2);
      assertThat(allowed.get(0).has("entries")).isFalse();
      List<JsonNode> refused = run(1, "feed", "parse", url);
      assertThat(refused.get(0).get("reason").asText()).isEqualTo("PRIVATE_ADDRESS");
    } finally {
      server.stop(0);
    }
  }

  private static final String JSON_FEED = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Desk\","
      + " \"language\": \"en\", \"items\": [{\"id\": \"j1\", \"url\": \"https://x.example/j1\","
      + " \"title\": \"Talks resume\", \"authors\": [{\"name\": \"Desk Staff\"}],"
      + " \"date_published\": \"2026-11-23T01:30:00Z\"}]}";

  @Test
  void readsJsonFeedFilesAndUrlsAndSaysInWordsWhyAFeedIsRejected() throws Exception {
    Path json = Files.writeString(dir.resolve("feed.json"), JSON_FEED);
    Path noChannel = Files.writeString(dir.resolve("nochannel.xml"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><item><title>x</title></item></rss>");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/feed.json", ex -> {
      byte[] body = JSON_FEED.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/feed+json");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.json";
      List<JsonNode> lines = run(1, "feed", "parse", "--allow-private", json.toString(), url, noChannel.toString(),
          dir.toString());
      for (JsonNode ok : lines.subList(0, 2)) {
        assertThat(ok.get("ok").asBoolean()).isTrue();
        assertThat(ok.get("format").asText()).isEqualTo("json_1.1");
        JsonNode entry = ok.get("entries").get(0);
        assertThat(entry.get("id").asText()).isEqualTo("j1");
        assertThat(entry.get("author").asText()).isEqualTo("Desk Staff");
        assertThat(entry.get("language").asText()).isEqualTo("en");
        assertThat(entry.get("published").asText()).isEqualTo("2026-11-23T01:30:00Z");
      }
      JsonNode rejected = lines.get(2);
      assertThat(rejected.get("reason").asText()).isEqualTo("NOT_A_FEED");
      assertThat(rejected.get("error").asText()).contains("needs a <channel> element")
          .doesNotContain("Cannot invoke").doesNotContain("Exception").doesNotContain("eChannel");
      assertThat(lines.get(3).get("reason").asText()).isEqualTo("READ_ERROR");
      assertThat(lines.get(3).get("error").asText()).endsWith("it is a folder, not a file")
          .doesNotContain("Exception");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void helpExplainsTheOutput() {
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new WatchfloorCommand());
    cmd.setOut(new PrintWriter(out));
    assertThat(cmd.execute("feed", "parse", "--help")).isZero();
    assertThat(out.toString()).contains("FILE_OR_URL", "entry_count", "--allow-private", "JSON Feed 1.0/1.1");
  }
}
