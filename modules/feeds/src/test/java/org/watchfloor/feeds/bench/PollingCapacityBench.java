package org.watchfloor.feeds.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.feeds.poll.FeedState;
import org.watchfloor.feeds.poll.PollResult;
import org.watchfloor.feeds.poll.SourcePoller;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.http.FetchLimits;
import org.watchfloor.http.SafeHttpFetcher;

/**
 * Polling capacity: one full cycle over N feeds (default 10,000) served by a local HTTP server, most of them
 * answering 304 Not Modified, with the stage's fetcher, parser and new-entry detection on a pool of polling threads
 * (the same kind of pool the feeds stage runs). Target: a full cycle in at most 60 s on 2 cores.
 *
 * <p>Run: {@code ./mvnw -q -pl modules/feeds exec:java -Dexec.classpathScope=test
 * -Dexec.cleanupDaemonThreads=false -Dexec.mainClass=org.watchfloor.feeds.bench.PollingCapacityBench
 * -Dexec.args="10000 32 0.1"}
 * (feeds, polling threads, share of feeds that changed between the two cycles). Add a fourth argument
 * {@code stage} to run cycle 2 through the whole stage instead: a local Kafka broker, the {@code FeedPoller} with its
 * scheduler, the consumer group over the sources topic, and entries and state published to Kafka.
 */
public final class PollingCapacityBench {
  private static final Logger LOG = LoggerFactory.getLogger(PollingCapacityBench.class);
  private static final int BODIES = 16;
  /** 200 answers for feeds that never changed, after cycle 1: each one means validators were lost. */
  private static volatile AtomicInteger pollsOfUnchanged;

  private PollingCapacityBench() {}

  public static void main(String[] args) throws Exception {
    int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    double changed = args.length > 2 ? Double.parseDouble(args[2]) : 0.1;
    boolean stage = args.length > 3 && args[3].equals("stage");

    byte[][] bodies = new byte[BODIES * 2][];
    for (int v = 0; v < bodies.length; v++) {
      bodies[v] = BenchFeeds.rss(50, v);
    }
    AtomicIntegerArray version = new AtomicIntegerArray(feeds);
    AtomicInteger answered200 = new AtomicInteger();
    AtomicInteger answered304 = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    ExecutorService serverPool = Executors.newFixedThreadPool(8);
    server.setExecutor(serverPool);
    server.createContext("/feed/", ex -> {
      int i = Integer.parseInt(ex.getRequestURI().getPath().substring("/feed/".length()));
      int v = version.get(i);
      String etag = "\"" + i + "-" + v + "\"";
      if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        answered304.incrementAndGet();
        ex.sendResponseHeaders(304, -1);
        ex.close();
        return;
      }
      answered200.incrementAndGet();
      if (version.get(i) == 0 && pollsOfUnchanged != null) {
        pollsOfUnchanged.incrementAndGet();
      }
      byte[] body = bodies[(i % BODIES) + (v % 2) * BODIES];
      ex.getResponseHeaders().set("ETag", etag);
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed/";

    List<Source> sources = new ArrayList<>(feeds);
    for (int i = 0; i < feeds; i++) {
      sources.add(Source.feed("bench-" + i, base + i, "5m", "2h", true));
    }
    FeedState[] states = new FeedState[feeds];
    SourcePoller poller = new SourcePoller(new SafeHttpFetcher(FetchLimits.DEFAULTS));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      cycle("cycle 1 (all 200, parse everything)", sources, states, poller, pool, answered200, answered304);
      int flipped = 0;
      for (int i = 0; i < feeds; i++) {
        if ((i * 7919L % 1000) < changed * 1000) {
          version.incrementAndGet(i);
          flipped++;
        }
      }
      LOG.info("{} of {} feeds changed before cycle 2", flipped, feeds);
      pollsOfUnchanged = new AtomicInteger();
      if (stage) {
        StageCycle.run(sources, states, threads, answered200, answered304);
      } else {
        cycle("cycle 2 (mostly 304)", sources, states, poller, pool, answered200, answered304);
      }
      LOG.info("cycle 2: {} unchanged feeds answered 200 (expected 0: every unchanged feed should answer 304)",
          pollsOfUnchanged.get());
    } finally {
      pool.shutdownNow();
      server.stop(0);
      serverPool.shutdownNow();
    }
  }

  private static void cycle(String name, List<Source> sources, FeedState[] states, SourcePoller poller,
      ExecutorService pool, AtomicInteger answered200, AtomicInteger answered304) throws Exception {
    answered200.set(0);
    answered304.set(0);
    AtomicInteger entries = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    long t0 = System.nanoTime();
    List<Future<?>> done = new ArrayList<>(sources.size());
    for (int i = 0; i < sources.size(); i++) {
      int n = i;
      done.add(pool.submit(() -> {
        PollResult r = poller.poll(sources.get(n), states[n]);
        states[n] = r.state();
        entries.addAndGet(r.entries().size());
        if (r.failure() != null) {
          failures.incrementAndGet();
        }
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    LOG.info("{}: {} feeds in {} s = {} polls/s; {} answered 200, {} answered 304; {} new entries; {} failures",
        name, sources.size(), String.format(Locale.ROOT, "%.1f", seconds),
        String.format(Locale.ROOT, "%.0f", sources.size() / seconds), answered200.get(), answered304.get(),
        entries.get(), failures.get());
  }
}
