package org.watchfloor.classify.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchfloor.classify.Classifiers;
import org.watchfloor.classify.ConfigDir;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.YamlFiles;

class ReaderModelTest {
  @TempDir Path dir;

  @Test
  void theBuiltInModelIsComplete() {
    ReaderModel m = ReaderModel.builtin();
    assertThat(m.format()).isEqualTo(ReaderModel.FORMAT);
    assertThat(m.models().keySet()).containsAll(ReaderModel.PARTS);
    assertThat(m.thresholds()).isSorted().hasSize(4);
    assertThat(m.models().get(ReaderModel.SEVERITY).labels()).hasSize(5);
  }

  @Test
  void writingAndReadingGiveTheSameModelAndTheSameBytes() throws IOException {
    ReaderModel m = ReaderModel.builtin();
    Path a = dir.resolve("a.json.gz");
    Path b = dir.resolve("b.json.gz");
    m.write(a);
    ReaderModel.read(a).write(b);
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
  }

  @Test
  void aMissingOrForeignFileIsRefusedInPlainWords() throws IOException {
    assertThatThrownBy(() -> ReaderModel.read(dir.resolve("none.json.gz")))
        .isInstanceOf(ConfigException.class).hasMessageEndingWith("no such model file");
    Path plain = dir.resolve("plain.json");
    Files.writeString(plain, "{\"format\": \"x\"}");
    assertThatThrownBy(() -> ReaderModel.read(plain))
        .isInstanceOf(ConfigException.class).hasMessageEndingWith("not a news reader model file (gzipped JSON expected)");
    Path other = dir.resolve("other.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(other))) {
      out.write("{\"format\": \"something-else\", \"version\": 1, \"models\": {}}".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> ReaderModel.read(other))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected watchfloor-news-reader version 1, found something-else version 1");
  }

  @Test
  void theShippedReaderYamlSaysWhatALeftOutFileMeans() {
    ReaderConfig shipped =
        YamlFiles.read(ConfigDir.find().resolve(Classifiers.READER_FILE), ReaderConfig.class);
    assertThat(shipped).isEqualTo(ReaderConfig.DEFAULT);
  }

  @Test
  void aModelNamedInReaderYamlIsResolvedFromTheConfigFolder() {
    ReaderModel.builtin().write(dir.resolve("mine.json.gz"));
    assertThat(new ReaderConfig("learned", "mine.json.gz").load(dir, "reader.yaml")).isNotNull();
    assertThat(new ReaderConfig("rules", null).load(dir, "reader.yaml")).isNull();
    assertThatThrownBy(() -> new ReaderConfig("magic", null).load(dir, "reader.yaml"))
        .hasMessage("reader.yaml: reader: 'magic' is neither 'learned' nor 'rules'");
  }
}
