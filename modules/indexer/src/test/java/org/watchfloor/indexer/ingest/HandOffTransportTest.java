package org.watchfloor.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.model.config.Settings;

class HandOffTransportTest {
  @Test
  void aRequestThatFailsAtOnceCompletesOnOurThreadNotTheHttpIoThread() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    ElasticsearchClient client = EsClients.create(Settings.of(Map.of(), Path.of(".")),
        "http://127.0.0.1:" + closedPort);
    ExecutorService completions = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-completions"));
    // a refused connection can fail before the callback below is attached, which would then run on this thread:
    // hold the hand-off until it is attached, so the callback shows the thread that completed the request
    CountDownLatch attached = new CountDownLatch(1);
    Executor gated = task -> completions.execute(() -> {
      try {
        attached.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      task.run();
    });
    try {
      ElasticsearchAsyncClient async = new ElasticsearchAsyncClient(
          new HandOffTransport(client._transport(), gated), client._transportOptions());
      CompletableFuture<String> thread = new CompletableFuture<>();
      CompletableFuture<?> info = async.info();
      info.whenComplete((result, failure) -> {
        if (failure != null) {
          thread.complete(Thread.currentThread().getName());
        } else {
          thread.completeExceptionally(new AssertionError("a closed port answered"));
        }
      });
      attached.countDown();
      assertThat(thread.get(30, TimeUnit.SECONDS)).isEqualTo("test-completions");
    } finally {
      completions.shutdownNow();
      EsClients.close(client);
    }
  }
}
