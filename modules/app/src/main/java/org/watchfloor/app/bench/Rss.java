package org.watchfloor.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of a process (and optionally its descendants) from /proc; 0 where /proc is missing. */
final class Rss {
  private Rss() {}

  static long kb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process has gone, or this is not Linux: nothing to count
      return 0;
    }
    return 0;
  }

  static long treeKb(long pid) {
    long total = kb(pid);
    var handle = ProcessHandle.of(pid);
    if (handle.isPresent()) {
      total += handle.get().descendants().mapToLong(p -> kb(p.pid())).sum();
    }
    return total;
  }
}
