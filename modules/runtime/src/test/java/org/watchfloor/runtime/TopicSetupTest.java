package org.watchfloor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Topics;

class TopicSetupTest {
  @Test
  void theRawTopicKeepsThirtyDaysUnlessToldOtherwise() {
    NewTopic raw = find(TopicSetup.missing(Set.of(), 3, (short) 1, TopicSetup.DEFAULT_RAW_RETENTION), Topics.RAW);
    assertThat(raw.configs()).containsEntry("retention.ms", Long.toString(30L * 24 * 3600 * 1000));
    NewTopic longer = find(TopicSetup.missing(Set.of(), 3, (short) 1, Duration.ofDays(90)), Topics.RAW);
    assertThat(longer.configs()).containsEntry("retention.ms", Long.toString(90L * 24 * 3600 * 1000));
  }

  @Test
  void compactedTopicsAreCompactedAndOthersKeepTheBrokersDefault() {
    List<NewTopic> all = TopicSetup.missing(Set.of(), 6, (short) 3, TopicSetup.DEFAULT_RAW_RETENTION);
    assertThat(all).extracting(NewTopic::name).containsExactlyElementsOf(Topics.ALL);
    assertThat(all).allSatisfy(t -> {
      assertThat(t.numPartitions()).isEqualTo(6);
      assertThat(t.replicationFactor()).isEqualTo((short) 3);
    });
    assertThat(find(all, Topics.RULES).configs()).isEqualTo(Map.of("cleanup.policy", "compact"));
    assertThat(find(all, Topics.ENRICHED).configs()).isNullOrEmpty();
  }

  @Test
  void topicsThatExistAreLeftAlone() {
    assertThat(TopicSetup.missing(Set.copyOf(Topics.ALL), 3, (short) 1, Duration.ofDays(30))).isEmpty();
    assertThat(TopicSetup.missing(Set.of(Topics.RAW), 3, (short) 1, Duration.ofDays(30)))
        .extracting(NewTopic::name).doesNotContain(Topics.RAW).hasSize(Topics.ALL.size() - 1);
  }

  private static NewTopic find(List<NewTopic> topics, String name) {
    return topics.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}
