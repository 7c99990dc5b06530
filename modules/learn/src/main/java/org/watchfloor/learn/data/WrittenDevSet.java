package org.watchfloor.learn.data;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.config.YamlFiles;

/**
 * The dev set written for this project ({@code modules/classify/src/test/resources/devset}): articles at even
 * positions are its tuning half, odd positions its held-out half, {@code train/} holds training-only articles. It has
 * no sentence labels and one accepted level per article; political is derived: LOW with no topic is not.
 */
public final class WrittenDevSet {
  private WrittenDevSet() {}

  /** The halves of the written set. */
  public record Halves(List<LabelledArticle> tuning, List<LabelledArticle> heldOut, List<LabelledArticle> train) {}

  record Row(String id, String title, String text, List<String> actors, List<String> topics, String tension) {}

  public static Halves load(Path dir) {
    List<LabelledArticle> all = read(dir);
    List<LabelledArticle> tuning = new ArrayList<>();
    List<LabelledArticle> heldOut = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      (i % 2 == 0 ? tuning : heldOut).add(all.get(i));
    }
    Path train = dir.resolve("train");
    return new Halves(tuning, heldOut, Files.isDirectory(train) ? read(train) : List.of());
  }

  private static List<LabelledArticle> read(Path dir) {
    List<LabelledArticle> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          for (Row r : YamlFiles.YAML.readValue(in, new TypeReference<List<Row>>() {})) {
            TensionLevel level = TensionLevel.valueOf(r.tension());
            List<String> actors = r.actors() == null ? List.of() : r.actors();
            List<String> topics = r.topics() == null ? List.of() : r.topics();
            List<String> states = actors.stream().filter(a -> a.matches("[A-Z]{3}")).toList();
            boolean political = level != TensionLevel.LOW || !topics.isEmpty();
            out.add(new LabelledArticle(r.id(), null, null, null, "written", null, r.id(), political, level,
                List.of(level), states, List.of(), topics, List.of(), r.title(), r.text() == null ? "" : r.text()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the written dev set " + dir, e);
    }
    return out;
  }
}
