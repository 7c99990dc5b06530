package org.watchfloor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watchfloor model split | train | eval} end to end on a small labelled set written for this test (labels,
 * spans and cache files laid out as in data/realnews).
 */
class ModelCommandTest {
  @TempDir Path labels;
  @TempDir Path cache;
  @TempDir Path work;

  private static String sha1(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)))
        .substring(0, 10);
  }

  /** One article: its cache file, its label row and a span row for the title and each sentence. */
  private void article(StringBuilder yaml, StringBuilder spans, String id, String level, boolean political,
      String cls, int severity, String title, String... sentences) throws Exception {
    String text = String.join(" ", sentences);
    Files.writeString(cache.resolve("raw/" + id + ".txt"), "https://example.org/" + id + "\n" + title + "\n\n" + text
        + "\n");
    yaml.append("- {id: ").append(id).append(", url: 'https://example.org/").append(id).append("', theatre: none, ")
        .append("kind: ").append(political ? "conflict" : "hard_negative").append(", subject: sport, story: ")
        .append(id).append(", political: ").append(political).append(", level: ").append(level)
        .append(", accepted: [").append(level).append("], states: [], people: [], topics: [], sents: []}\n");
    String doc = title + "\n" + text;
    spans.append(id).append("\t0\t0\t").append(title.length()).append('\t').append(sha1(title)).append('\t')
        .append(cls).append('\t').append(severity).append("\tact\n");
    int at = title.length() + 1;
    for (int i = 0; i < sentences.length; i++) {
      int end = at + sentences[i].length();
      spans.append(id).append('\t').append(i + 1).append('\t').append(at).append('\t').append(end).append('\t')
          .append(sha1(doc.substring(at, end))).append('\t').append(cls).append('\t').append(severity)
          .append("\tact\n");
      at = end + 1;
    }
  }

  @Test
  void splitTrainAndEvalRunOnALabelledSet() throws Exception {
    Files.createDirectories(labels.resolve("labels"));
    Files.createDirectories(labels.resolve("spans"));
    Files.createDirectories(cache.resolve("raw"));
    StringBuilder yaml = new StringBuilder();
    StringBuilder spans = new StringBuilder("id\tidx\tstart\tend\tsha1\tclass\tseverity\tflags\n");
    for (int i = 0; i < 12; i++) {
      article(yaml, spans, "war-" + i, "SEVERE", true, "mcf", 4, "Shelling kills " + (20 + i) + " in city " + i,
          "Artillery shelling killed " + (20 + i) + " civilians in the city on Monday.",
          "The army launched a new offensive against the rebels.", "Fighting raged through the night.");
      article(yaml, spans, "cup-" + i, "LOW", false, "none", 0, "Club wins the cup final " + i,
          "The club won the cup final " + (i + 2) + "-1 on Saturday.", "The striker scored twice in the second half.",
          "Fans celebrated in the streets.");
    }
    Files.writeString(labels.resolve("labels/t.yaml"), yaml.toString());
    Files.writeString(labels.resolve("spans/t.tsv"), spans.toString());
    String[] data = {"--labels", labels.toString(), "--cache", cache.toString(), "--config", configDir().toString(),
        "--devset", configDir().resolveSibling("modules/classify/src/test/resources/devset").toString()};

    CliRun eval0 = CliRun.of(concat(new String[] {"model", "eval"}, data));
    assertThat(eval0.exit()).isEqualTo(2);
    assertThat(eval0.err()).contains("no split yet: run 'watchfloor model split' first");

    CliRun split = CliRun.of(concat(new String[] {"model", "split"}, data));
    assertThat(split.exit()).as(split.err()).isZero();
    String splitFile = Files.readString(labels.resolve("split.tsv"));
    assertThat(splitFile.lines().filter(l -> l.contains("\ttest\t")).count()).isPositive();
    assertThat(CliRun.of(concat(new String[] {"model", "split"}, data)).out()).contains("new=0");
    assertThat(Files.readString(labels.resolve("split.tsv"))).isEqualTo(splitFile);

    Path model = work.resolve("m.json.gz");
    CliRun train = CliRun.of(concat(new String[] {"model", "train", "--out", model.toString(), "--epochs", "5"}, data));
    assertThat(train.exit()).as(train.err()).isZero();
    assertThat(train.out()).contains("labelled sentences").contains("written to " + model);

    CliRun eval = CliRun.of(concat(new String[] {"model", "eval", "--model", model.toString()}, data));
    assertThat(eval.exit()).as(eval.err()).isZero();
    assertThat(eval.out()).contains("| level within the accepted set | >= 0.85 |")
        .contains("real news, locked test").contains("written dev set, held-out half (100)");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static Path configDir() throws IOException {
    Path d = Path.of("").toAbsolutePath();
    while (d != null && !Files.isRegularFile(d.resolve("config/actors.yaml"))) {
      d = d.getParent();
    }
    return d.resolve("config");
  }
}
