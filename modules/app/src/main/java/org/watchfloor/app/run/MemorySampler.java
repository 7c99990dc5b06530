package org.watchfloor.app.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Samples resident memory (VmRSS from /proc) of this JVM and of the embedded Elasticsearch node with its child
 * processes, and keeps the peaks: how the README's memory figure is measured. Linux only; elsewhere it reports 0.
 */
public final class MemorySampler {
  private final Supplier<OptionalLong> elasticsearchPid;
  private long peakSelf;
  private long peakElasticsearch;
  private long peakTotal;

  public MemorySampler(Supplier<OptionalLong> elasticsearchPid) {
    this.elasticsearchPid = elasticsearchPid;
  }

  /** Takes one sample; cheap enough to call every status tick. */
  public synchronized void sample() {
    long self = rssKb(ProcessHandle.current().pid());
    long es = 0;
    OptionalLong pid = elasticsearchPid.get();
    if (pid.isPresent()) {
      es = treeRssKb(pid.getAsLong());
    }
    peakSelf = Math.max(peakSelf, self);
    peakElasticsearch = Math.max(peakElasticsearch, es);
    peakTotal = Math.max(peakTotal, self + es);
  }

  /** One line: peak RSS of the launcher JVM (broker and stages), of Elasticsearch, and of both together. */
  public synchronized String summaryLine() {
    return String.format("memory peak_rss_mb total=%d watchfloor=%d elasticsearch=%d",
        peakTotal / 1024, peakSelf / 1024, peakElasticsearch / 1024);
  }

  public synchronized long peakTotalKb() {
    return peakTotal;
  }

  private static long treeRssKb(long pid) {
    long total = rssKb(pid);
    var handle = ProcessHandle.of(pid);
    if (handle.isPresent()) {
      total += handle.get().descendants().mapToLong(p -> rssKb(p.pid())).sum();
    }
    return total;
  }

  static long rssKb(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process is gone, or this is not Linux: nothing to count
    }
    return 0;
  }
}
