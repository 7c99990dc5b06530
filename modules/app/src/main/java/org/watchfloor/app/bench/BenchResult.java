package org.watchfloor.app.bench;

import java.time.Instant;
import java.util.List;

/** Everything one benchmark run measured, as written to {@code bench-results/bench-*.json}. */
public record BenchResult(
    Instant startedAt,
    Machine machine,
    Settings settings,
    Counts counts,
    Throughput throughput,
    Percentiles rawToSearchableMs,
    Percentiles rawToAlertDeliveredMs,
    Memory peakRssMb,
    Baseline baseline,
    Ratios ratios,
    List<Sample> timeline,
    WarmUp warmUp,
    ColdStart coldStart,
    List<CpuBreakdown.Share> cpu,
    List<String> notes) {

  /**
   * How the run warmed up: to steady state (the enrich rate of the last windows agreeing) or a fixed article count.
   *
   * @param steady whether the enrich rate was steady when the measurement began
   * @param windowRates the enrich rate of each warm-up window, articles per second
   */
  public record WarmUp(String mode, boolean steady, double seconds, long articles, double windowSeconds,
      List<Double> windowRates) {}

  /** The first minute after the stages started cold, on its own: enrich rate, and raw to alert delivered. */
  public record ColdStart(double seconds, double enrichPerSecond, Percentiles rawToAlertDeliveredMs) {}

  /** Where the run happened. */
  public record Machine(int cores, long maxHeapMb, String java, double loadAverageAtStart) {}

  /** What was asked. */
  public record Settings(double rate, double durationSeconds, long articles, int sampleEvery, int markerEvery,
      String refreshInterval) {}

  /** Totals at the end of the run. */
  public record Counts(long produced, long enriched, long indexed, long alertsFired, long alertsDelivered,
      long alertsExpected, long alertDuplicates, long deadLetters, boolean drained) {}

  /** Sustained articles per second: each stage's count over the time from the first produce to its last record. */
  public record Throughput(double produce, double enrich, double index, double endToEnd) {}

  /** Peak resident memory in MB. */
  public record Memory(long launcher, long elasticsearch, long total) {}

  /** The same broker without our stages: plain produce+consume, and an exactly-once pass-through Streams app. */
  public record Baseline(long articles, double produceConsumePerSecond, double passThroughStreamsPerSecond) {}

  /** Our figures over the baseline's (1.0 = as fast as the bare broker). */
  public record Ratios(double endToEndOverProduceConsume, double enrichOverPassThrough) {}

  /** One point of the timeline, taken every second. */
  public record Sample(double t, long produced, long enriched, long indexed, long delivered, long lag,
      long launcherRssMb, long elasticsearchRssMb) {}
}
