package org.watchfloor.feeds.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** Lets JMH's forked JVM see the test classpath when the benchmark runs under {@code exec:java}. */
final class BenchClasspath {
  private BenchClasspath() {}

  static void exportForForks() {
    Set<String> entries = new LinkedHashSet<>();
    for (ClassLoader cl = Thread.currentThread().getContextClassLoader(); cl != null; cl = cl.getParent()) {
      if (cl instanceof URLClassLoader) {
        for (URL url : ((URLClassLoader) cl).getURLs()) {
          try {
            entries.add(Path.of(url.toURI()).toString());
          } catch (URISyntaxException | IllegalArgumentException e) {
            entries.add(url.getPath());
          }
        }
      }
    }
    if (!entries.isEmpty()) {
      System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
    }
  }
}
