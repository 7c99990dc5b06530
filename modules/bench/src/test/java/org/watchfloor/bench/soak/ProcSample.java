package org.watchfloor.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory, threads and open file descriptors of a process, read from {@code /proc}. */
record ProcSample(long atMillis, long rssKb, int threads, int fds) {
  static ProcSample of(long pid, long atMillis) throws IOException {
    long rss = 0;
    int threads = 0;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
      } else if (line.startsWith("Threads:")) {
        threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
      }
    }
    int fds;
    try (Stream<Path> s = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      fds = (int) s.count();
    }
    return new ProcSample(atMillis, rss, threads, fds);
  }
}
