package org.watchfloor.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Topics;

class DevStackIT {

  @Test
  void sharedKafkaOnlyStackIsOneBrokerWithEveryTopicAndIgnoresClose() throws Exception {
    DevStack first = SharedStack.kafkaOnly();
    first.close();
    DevStack second = SharedStack.kafkaOnly();
    assertThat(second.kafka()).isSameAs(first.kafka());
    assertThat(second.kafka().admin().listTopics().names().get()).containsAll(Topics.ALL);
    if (!second.hasElasticsearch()) {
      assertThatThrownBy(second::elasticsearch).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void fullStackStartsKafkaAndElasticsearchTogether() throws Exception {
    try (DevStack stack = DevStack.start()) {
      assertThat(stack.kafka().admin().listTopics().names().get()).containsAll(Topics.ALL);
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(stack.elasticsearch().url() + "/_cluster/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }
}
