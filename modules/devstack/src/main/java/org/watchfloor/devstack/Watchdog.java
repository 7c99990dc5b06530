package org.watchfloor.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after this JVM when it dies without running its shutdown hooks ({@code kill -9}, an OOM kill): a small
 * shell process, started once per JVM, that waits for the end of a pipe from this JVM; when the JVM is gone it stops the
 * process trees registered with {@link #watchProcess} (SIGTERM, then SIGKILL after 5 s) and deletes the folders
 * registered with {@link #watchDir}. A normal exit has already closed and unregistered everything, so the watchdog
 * then finds nothing to do and ends too.
 *
 * <p>The lists live in a folder of their own ({@code watchfloor-watchdog-PID}), rewritten whole on every change, so
 * the watchdog never reads half a list. A pid is unregistered as soon as its process is stopped, so that a recycled
 * pid is never killed.
 */
public final class Watchdog {
  private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
  private static Watchdog instance;

  private final Path dir;
  private final Process process;
  private final Set<String> pids = new LinkedHashSet<>();
  private final Set<String> dirs = new LinkedHashSet<>();

  private Watchdog(Path dir, Process process) {
    this.dir = dir;
    this.process = process;
  }

  /** The JVM's one watchdog, started on first use. */
  public static synchronized Watchdog get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  private static Watchdog start() {
    long jvm = ProcessHandle.current().pid();
    try {
      Path dir = Files.createTempDirectory("watchfloor-watchdog-" + jvm + "-");
      Files.writeString(dir.resolve("pids"), "");
      Files.writeString(dir.resolve("dirs"), "");
      Files.writeString(dir.resolve("watchdog.sh"), script(), StandardCharsets.UTF_8);
      Process p = new ProcessBuilder("sh", dir.resolve("watchdog.sh").toString(), Long.toString(jvm), dir.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.PIPE).start();
      LOG.debug("Watchdog {} watches this JVM ({}), lists in {}", p.pid(), jvm, dir);
      return new Watchdog(dir, p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the watchdog that cleans up after a killed launcher", e);
    }
  }

  /**
   * The watchdog script. It runs as a child of this JVM but outlives it: its standard input is a pipe from this JVM,
   * which the kernel closes when the JVM dies however it dies, so {@code cat} returns at once; the {@code kill -0}
   * loop after it only covers a JVM that closed the pipe while still exiting. Descendants are collected before anything is
   * killed, since a killed parent's children are handed to init and could no longer be found.
   */
  static String script() {
    return String.join("\n",
        "#!/bin/sh",
        "# Watchfloor watchdog: when the JVM $1 dies, stop the processes listed in $2/pids and delete $2/dirs.",
        "jvm=\"$1\"; lists=\"$2\"",
        "tree() { echo \"$1\"; for c in $(ps -o pid= --ppid \"$1\" 2>/dev/null); do tree \"$c\"; done; }",
        "cat >/dev/null 2>&1",
        "while kill -0 \"$jvm\" 2>/dev/null; do sleep 0.5; done",
        "all=''",
        "for p in $(cat \"$lists/pids\" 2>/dev/null); do all=\"$all $(tree \"$p\")\"; done",
        "for p in $all; do kill -TERM \"$p\" 2>/dev/null; done",
        "i=0",
        "while [ $i -lt 10 ]; do",
        "  alive=''",
        "  for p in $all; do kill -0 \"$p\" 2>/dev/null && alive=\"$alive $p\"; done",
        "  [ -z \"$alive\" ] && break",
        "  sleep 0.5; i=$((i + 1))",
        "done",
        "for p in $all; do kill -KILL \"$p\" 2>/dev/null; done",
        "while IFS= read -r d; do [ -n \"$d\" ] && rm -rf -- \"$d\"; done < \"$lists/dirs\"",
        "rm -rf -- \"$lists\"",
        "");
  }

  /** The folder holding the lists (deleted by the watchdog when the JVM is gone). */
  public Path listsDir() {
    return dir;
  }

  /** The watchdog's own process id. */
  public long pid() {
    return process.pid();
  }

  /** Stops {@code pid} and its descendants if this JVM dies first. */
  public synchronized void watchProcess(long pid) {
    if (pids.add(Long.toString(pid))) {
      write("pids", pids);
    }
  }

  /** Forgets {@code pid}: its process was stopped, and the number may be given to another process. */
  public synchronized void forgetProcess(long pid) {
    if (pids.remove(Long.toString(pid))) {
      write("pids", pids);
    }
  }

  /** Deletes {@code path} if this JVM dies first. */
  public synchronized void watchDir(Path path) {
    if (dirs.add(path.toAbsolutePath().toString())) {
      write("dirs", dirs);
    }
  }

  /** Forgets {@code path}: it was deleted, or is no longer ours to delete. */
  public synchronized void forgetDir(Path path) {
    if (dirs.remove(path.toAbsolutePath().toString())) {
      write("dirs", dirs);
    }
  }

  private void write(String name, Set<String> lines) {
    try {
      Path tmp = dir.resolve(name + ".tmp");
      Files.write(tmp, List.copyOf(lines), StandardCharsets.UTF_8);
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // cleaning up after a crash is a safety net: a failure to record is logged, not fatal
      LOG.warn("Cannot update the watchdog list {} in {}: {}", name, dir, e.toString());
    }
  }
}
