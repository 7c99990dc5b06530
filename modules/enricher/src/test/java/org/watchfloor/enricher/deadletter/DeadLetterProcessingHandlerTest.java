package org.watchfloor.enricher.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.watchfloor.enricher.EnrichmentListener;
import org.watchfloor.model.Topics;
import org.watchfloor.runtime.DeadLetters;

class DeadLetterProcessingHandlerTest {
  private static final byte[] KEY = "id-1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] VALUE = "{\"raw\":true}".getBytes(StandardCharsets.UTF_8);

  /** The context Kafka Streams hands a handler: where the failing record came from. */
  private record Context(String topic) implements ErrorHandlerContext {
    @Override public int partition() { return 2; }
    @Override public long offset() { return 41; }
    @Override public Headers headers() { return new RecordHeaders(); }
    @Override public String processorNodeId() { return "classify"; }
    @Override public TaskId taskId() { return new TaskId(0, 2); }
    @Override public long timestamp() { return 0; }
    @Override public byte[] sourceRawKey() { return KEY; }
    @Override public byte[] sourceRawValue() { return VALUE; }
  }

  @Test
  void sendsTheSourceRecordToDeadLettersAndResumes() {
    List<String> reasons = new ArrayList<>();
    DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
    handler.configure(Map.of(DeadLetterProcessingHandler.LISTENER_CONFIG, new EnrichmentListener() {
      @Override
      public void deadLettered(String errorClass, String reason) {
        reasons.add(reason);
      }
    }));

    ProcessingExceptionHandler.Response response = handler.handleError(new Context(Topics.RAW),
        new Record<>("id-1", "value", 0L), new IllegalArgumentException("no way"));

    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
    ProducerRecord<byte[], byte[]> letter = response.deadLetterQueueRecords().get(0);
    assertThat(letter.topic()).isEqualTo(Topics.DEAD_LETTERS);
    assertThat(letter.key()).isEqualTo(KEY);
    assertThat(letter.value()).isEqualTo(VALUE);
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.STAGE)).isEqualTo("enricher");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.CLASS))
        .isEqualTo(IllegalArgumentException.class.getName());
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.MESSAGE)).isEqualTo("no way");
    assertThat(DeadLetters.header(letter.headers(), DeadLetters.ORIGIN_TOPIC)).isEqualTo(Topics.RAW);
    assertThat(reasons).containsExactly("no way");
  }

  @Test
  void deadLettersARecordTooLargeToWriteButRetriesATimeout() {
    DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
    handler.configure(Map.of());
    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(Topics.ENRICHED, KEY, new byte[10]);

    ProductionExceptionHandler.Response tooLarge =
        handler.handleError(new Context(Topics.RAW), out, new RecordTooLargeException("2 MB"));
    ProductionExceptionHandler.Response timeout =
        handler.handleError(new Context(Topics.RAW), out, new TimeoutException("broker slow"));

    assertThat(tooLarge.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
    assertThat(tooLarge.deadLetterQueueRecords()).singleElement()
        .satisfies(r -> assertThat(r.value()).isEqualTo(VALUE))
        .satisfies(r -> assertThat(DeadLetters.header(r.headers(), DeadLetters.CLASS))
            .isEqualTo(RecordTooLargeException.class.getName()));
    assertThat(timeout.result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
  }
}
