package org.watchfloor.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
    try {
      ElasticsearchAsyncClient async = new ElasticsearchAsyncClient(
          new HandOffTransport(client._transport(), completions), client._transportOptions());
      CompletableFuture<String> thread = new CompletableFuture<>();
      async.info().whenComplete((info, failure) -> {
        if (failure != null) {
          thread.complete(Thread.currentThread().getName());
        } else {
          thread.completeExceptionally(new AssertionError("a closed port answered"));
        }
      });
      assertThat(thread.get(30, TimeUnit.SECONDS)).isEqualTo("test-completions");
    } finally {
      completions.shutdownNow();
      EsClients.close(client);
    }
  }
}
