package org.watchfloor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CpuBreakdownTest {
  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      watchfloor-enricher-3f1c-StreamThread-1                          ; enricher
      kafka-producer-network-thread | watchfloor-enricher-3f1c-StreamThread-1-producer ; enricher
      watchfloor-alerting-0-StreamThread-1                             ; alerting
      watchfloor-alert-delivery-0                                      ; alerting
      watchfloor-indexer                                               ; indexer
      indexer-bulk-completions                                         ; indexer
      I/O dispatcher 3                                                 ; indexer
      kafka-producer-network-thread | watchfloor-bench-load-2          ; load generator and probes
      bench-sampler                                                    ; load generator and probes
      kafka-admin-client-thread | watchfloor-devstack-admin          ; load generator and probes
      data-plane-kafka-request-handler-0                               ; Kafka broker
      kafka-request-handler-1                                          ; Kafka broker
      ExpirationReaper-1-Produce                                       ; Kafka broker
      quorum-controller-1-event-handler                                ; Kafka broker
      kafka-producer-network-thread | producer-7                       ; launcher JVM: other threads
      main                                                             ; launcher JVM: other threads
      """)
  void threadsGoToTheComponentTheyWorkFor(String thread, String component) {
    assertThat(CpuBreakdown.component(thread.strip())).isEqualTo(component);
  }

  @Test
  void theJvmsOwnThreadsAreKnownByTheirKernelNames() {
    assertThat(CpuBreakdown.nativeKind("C2 CompilerThre")).isEqualTo(CpuBreakdown.LAUNCHER_JIT);
    assertThat(CpuBreakdown.nativeKind("GC Thread#1")).isEqualTo(CpuBreakdown.LAUNCHER_GC);
    assertThat(CpuBreakdown.nativeKind("G1 Conc#0")).isEqualTo(CpuBreakdown.LAUNCHER_GC);
    assertThat(CpuBreakdown.nativeKind("watchfloor-enri")).isNull();
  }

  @Test
  void readsUserAndSystemTimeFromAStatLineWhoseNameHasSpacesAndParentheses() {
    String line = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194624 1045 0 0 0 310 27 0 0 20 0 60 0 5342 "
        + "7000000000 60000 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 -1 1 0 0 0 0 0";
    assertThat(CpuBreakdown.parseStat(line)).isEqualTo(new CpuBreakdown.TaskTime("C2 CompilerThre", 337));
    assertThat(CpuBreakdown.parseStat("17 (odd) name)) R 1 2 3 4 5 6 7 8 9 10 11 12 13 14"))
        .isEqualTo(new CpuBreakdown.TaskTime("odd) name)", 23));
    assertThat(CpuBreakdown.parseStat("garbage")).isNull();
  }

  @Test
  void sharesAreTheDifferenceOverTheWallTimeLargestFirstWithElasticsearchsJitBesideIt() {
    Map<String, Double> from = new LinkedHashMap<>(Map.of("enricher", 10.0, "Elasticsearch", 5.0,
        "Elasticsearch: of which JIT compiler", 1.0, "indexer", 1.0));
    Map<String, Double> to = new LinkedHashMap<>(Map.of("enricher", 30.0, "Elasticsearch", 45.0,
        "Elasticsearch: of which JIT compiler", 5.0, "indexer", 6.0));
    var shares = CpuBreakdown.between(new CpuBreakdown.Snapshot(0, from, Map.of()),
        new CpuBreakdown.Snapshot(40_000_000_000L, to, Map.of()));
    assertThat(shares).containsExactly(
        new CpuBreakdown.Share("Elasticsearch", 40.0, 100.0),
        new CpuBreakdown.Share("Elasticsearch: of which JIT compiler", 4.0, 10.0),
        new CpuBreakdown.Share("enricher", 20.0, 50.0),
        new CpuBreakdown.Share("indexer", 5.0, 12.5));
  }

  @Test
  void aRealSnapshotOfThisJvmCountsItsOwnBusyThread() {
    CpuBreakdown.Snapshot before = CpuBreakdown.take(OptionalLong.empty());
    long until = System.nanoTime() + 300_000_000L;
    double x = 0;
    while (System.nanoTime() < until) {
      x += Math.sqrt(x + 1);
    }
    CpuBreakdown.Snapshot after = CpuBreakdown.take(OptionalLong.empty());
    double total = CpuBreakdown.between(before, after).stream().mapToDouble(CpuBreakdown.Share::cpuSeconds).sum();
    assertThat(x).isPositive();
    assertThat(total).as("a thread spun for 0.3 s").isGreaterThanOrEqualTo(0.2);
  }
}
