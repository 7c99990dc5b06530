package org.watchfloor.indexer.ingest;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A transport whose asynchronous answers complete on an executor of ours instead of the HTTP client's I/O thread.
 *
 * <p>Why: the {@code BulkIngester} sends a bulk while holding its own lock, and the HTTP client may need its
 * connection-pool lock to send it; when a request fails at once (Elasticsearch down), the I/O thread completes the
 * failed future while holding the pool lock, and the ingester's completion callback then waits for the ingester's
 * lock: a deadlock (elastic/elasticsearch-java#651, seen here during Elasticsearch outages). Completing on another
 * thread lets the I/O thread release the pool lock first.
 */
final class HandOffTransport implements ElasticsearchTransport {
  private final ElasticsearchTransport delegate;
  private final Executor completions;

  HandOffTransport(ElasticsearchTransport delegate, Executor completions) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.completions = Objects.requireNonNull(completions, "completions");
  }

  @Override
  public <RequestT, ResponseT, ErrorT> ResponseT performRequest(
      RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) throws IOException {
    return delegate.performRequest(request, endpoint, options);
  }

  @Override
  public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
      RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
    CompletableFuture<ResponseT> handedOff = new CompletableFuture<>();
    // whenCompleteAsync (unlike thenApplyAsync) also moves failures to the executor.
    delegate.performRequestAsync(request, endpoint, options).whenCompleteAsync((response, failure) -> {
      if (failure != null) {
        handedOff.completeExceptionally(failure);
      } else {
        handedOff.complete(response);
      }
    }, completions);
    return handedOff;
  }

  @Override
  public JsonpMapper jsonpMapper() {
    return delegate.jsonpMapper();
  }

  @Override
  public TransportOptions options() {
    return delegate.options();
  }

  /** The delegate belongs to the caller's client; closing this transport leaves it open. */
  @Override
  public void close() {
    // nothing of ours to release: the executor is owned by the indexer
  }
}
