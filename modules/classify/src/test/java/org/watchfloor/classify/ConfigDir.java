package org.watchfloor.classify;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code config/} directory from wherever tests or benchmarks run. */
public final class ConfigDir {
  private ConfigDir() {}

  private static final class Holder {
    static final RuleClassifier CLASSIFIER = Classifiers.load(find());
  }

  public static Path find() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("config").resolve(Classifiers.ACTORS_FILE);
      if (Files.isRegularFile(candidate)) {
        return candidate.getParent();
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no config/actors.yaml above " + Path.of("").toAbsolutePath());
  }

  /** One classifier per test JVM: loading it is the slow part. */
  public static RuleClassifier classifier() {
    return Holder.CLASSIFIER;
  }

  /** The same classifier with the rule scorer alone rating tension: for the tests of the rules themselves. */
  public static RuleClassifier rules() {
    return Holder.CLASSIFIER.withReader(null);
  }
}
