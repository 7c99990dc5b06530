package org.watchfloor.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Where the CPU of the whole benchmark goes: the broker, each stage's threads, the load generator, the launcher JVM's
 * JIT compiler and garbage collector, and the Elasticsearch child. Java threads of the launcher are read with their
 * full names from the JVM's thread CPU clocks; the JVM's own native threads (compiler, GC) and the Elasticsearch
 * process tree from {@code /proc}. A snapshot is taken after the warm-up and another after the drain; the report
 * shows the difference.
 */
public final class CpuBreakdown {
  static final String BROKER = "Kafka broker";
  static final String ENRICHER = "enricher";
  static final String INDEXER = "indexer";
  static final String ALERTING = "alerting";
  static final String LOAD = "load generator and probes";
  static final String LAUNCHER_JIT = "launcher JVM: JIT compiler";
  static final String LAUNCHER_GC = "launcher JVM: garbage collector";
  static final String LAUNCHER_OTHER = "launcher JVM: other threads";
  static final String ES = "Elasticsearch";
  static final String ES_JIT = "Elasticsearch: of which JIT compiler";

  /** Kafka broker thread names start with one of these (the server's own threads, KRaft included). */
  private static final List<String> BROKER_PREFIXES = List.of("data-plane-", "kafka-request-handler",
      "kafka-network-thread", "ExpirationReaper", "kafka-log-cleaner", "kafka-scheduler", "raft-", "quorum-",
      "controller-", "broker-", "group-coordinator", "share-coordinator", "transaction-", "TxnMarkerSender",
      "LogDirFailureHandler", "ReplicaFetcher", "kafka-raft", "kafka-", "metadata-", "fetch-session",
      "ReplicaAlterLogDirs", "AddPartitionsToTxn", "DescribeTransactions", "node-to-controller",
      "client-metrics-", "remote-log", "log-cleaner", "ReplicaSelector", "persister-", "kraft-",
      "event-handler", "executor-", "socket-server", "acceptor", "processor-");

  /** One component's CPU over the measured interval. */
  public record Share(String component, double cpuSeconds, double percentOfOneCore) {}

  /** CPU seconds by component at one moment. */
  record Snapshot(long nanoTime, Map<String, Double> seconds, Map<String, Double> otherThreads) {}

  private CpuBreakdown() {}

  /** Takes a snapshot of this JVM and of the Elasticsearch process tree (if any). */
  static Snapshot take(OptionalLong elasticsearchPid) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    Map<String, Double> other = new HashMap<>();
    long now = System.nanoTime();
    double tick = 1.0 / clockTicks();
    // the launcher's native threads: the process total, and the JVM's own threads by their kernel names
    double processTotal = 0;
    for (TaskTime t : tasks(ProcessHandle.current().pid())) {
      processTotal += t.ticks() * tick;
      String kind = nativeKind(t.name());
      if (kind != null) {
        seconds.merge(kind, t.ticks() * tick, Double::sum);
      }
    }
    // Java threads by their full names
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double javaTotal = 0;
    if (mx.isThreadCpuTimeSupported()) {
      for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
        if (info == null) {
          continue;
        }
        long ns = mx.getThreadCpuTime(info.getThreadId());
        if (ns <= 0) {
          continue;
        }
        double s = ns / 1e9;
        javaTotal += s;
        String component = component(info.getThreadName());
        seconds.merge(component, s, Double::sum);
        if (component.equals(LAUNCHER_OTHER)) {
          other.merge(info.getThreadName().replaceAll("\\d+", "N"), s, Double::sum);
        }
      }
    }
    double jvmNative = seconds.getOrDefault(LAUNCHER_JIT, 0.0) + seconds.getOrDefault(LAUNCHER_GC, 0.0);
    // what is left: VM threads, and Java threads that ended since the last look
    seconds.merge(LAUNCHER_OTHER, Math.max(0, processTotal - javaTotal - jvmNative), Double::sum);
    if (elasticsearchPid.isPresent()) {
      double es = 0;
      double esJit = 0;
      List<Long> pids = new ArrayList<>();
      pids.add(elasticsearchPid.getAsLong());
      ProcessHandle.of(elasticsearchPid.getAsLong())
          .ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
      for (long pid : pids) {
        for (TaskTime t : tasks(pid)) {
          es += t.ticks() * tick;
          if (LAUNCHER_JIT.equals(nativeKind(t.name()))) {
            esJit += t.ticks() * tick;
          }
        }
      }
      seconds.put(ES, es);
      seconds.put(ES_JIT, esJit);
    }
    return new Snapshot(now, seconds, other);
  }

  /** The shares between two snapshots, largest first; the Elasticsearch JIT line follows Elasticsearch. */
  static List<Share> between(Snapshot from, Snapshot to) {
    double wall = Math.max(1e-9, (to.nanoTime() - from.nanoTime()) / 1e9);
    List<Share> shares = new ArrayList<>();
    for (Map.Entry<String, Double> e : to.seconds().entrySet()) {
      if (e.getKey().equals(ES_JIT)) {
        continue;
      }
      double d = Math.max(0, e.getValue() - from.seconds().getOrDefault(e.getKey(), 0.0));
      shares.add(new Share(e.getKey(), round(d), round(100 * d / wall)));
    }
    shares.sort(Comparator.comparingDouble(Share::cpuSeconds).reversed());
    if (to.seconds().containsKey(ES_JIT)) {
      double d = Math.max(0, to.seconds().get(ES_JIT) - from.seconds().getOrDefault(ES_JIT, 0.0));
      int at = 0;
      while (at < shares.size() && !shares.get(at).component().equals(ES)) {
        at++;
      }
      shares.add(Math.min(at + 1, shares.size()), new Share(ES_JIT, round(d), round(100 * d / wall)));
    }
    return shares;
  }

  /** The busiest Java threads no component claims, so that nothing hides in "other". */
  static List<String> unclaimed(Snapshot from, Snapshot to, int limit) {
    return to.otherThreads().entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - from.otherThreads().getOrDefault(e.getKey(), 0.0)))
        .filter(e -> e.getValue() >= 0.05)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(limit)
        .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
        .toList();
  }

  /** The component a launcher Java thread works for, by its name. */
  static String component(String thread) {
    if (thread.contains("watchfloor-enricher")) {
      return ENRICHER;
    }
    if (thread.contains("watchfloor-alert")) {
      return ALERTING;
    }
    if (thread.contains("watchfloor-indexer") || thread.startsWith("indexer-")
        || thread.startsWith("I/O dispatcher") || thread.startsWith("elasticsearch-rest-client")) {
      return INDEXER;
    }
    if (thread.startsWith("bench-") || thread.contains("watchfloor-bench") || thread.startsWith("webhook-receiver")
        || thread.contains("watchfloor-devstack")) {
      return LOAD;
    }
    if (thread.startsWith("kafka-producer-network-thread") || thread.startsWith("kafka-coordinator-heartbeat")
        || thread.startsWith("kafka-admin-client-thread") || thread.startsWith("consumer_background")) {
      // a client nobody named: listed with the unclaimed threads
      return LAUNCHER_OTHER;
    }
    for (String prefix : BROKER_PREFIXES) {
      if (thread.startsWith(prefix)) {
        return BROKER;
      }
    }
    return LAUNCHER_OTHER;
  }

  /** The JVM's own native threads, by the kernel's 15-character name; null for any other thread. */
  static String nativeKind(String comm) {
    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
      return LAUNCHER_JIT;
    }
    if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
      return LAUNCHER_GC;
    }
    return null;
  }

  record TaskTime(String name, long ticks) {}

  /** Parses a {@code /proc/PID/task/TID/stat} line: the name in parentheses, then utime and stime (fields 14, 15). */
  static TaskTime parseStat(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      return null;
    }
    String[] rest = line.substring(close + 2).trim().split(" ");
    // rest[0] is field 3 (state); utime is field 14, stime field 15
    if (rest.length < 13) {
      return null;
    }
    try {
      return new TaskTime(line.substring(open + 1, close), Long.parseLong(rest[11]) + Long.parseLong(rest[12]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<TaskTime> tasks(long pid) {
    Path dir = Path.of("/proc", Long.toString(pid), "task");
    List<TaskTime> out = new ArrayList<>();
    try (Stream<Path> tids = Files.list(dir)) {
      for (Path tid : (Iterable<Path>) tids::iterator) {
        try {
          TaskTime t = parseStat(Files.readString(tid.resolve("stat")));
          if (t != null) {
            out.add(t);
          }
        } catch (IOException e) {
          // the thread ended while we looked
        }
      }
    } catch (IOException e) {
      // no /proc (not Linux) or the process has gone: nothing to count
    }
    return out;
  }

  private static long clockTicks() {
    // USER_HZ is 100 on every Linux this runs on; /proc gives no portable way to read it
    return 100;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
