package org.watchfloor.alerting.replay;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.watchfloor.model.config.ConfigException;

class ElasticsearchHistoryTest {
  @Test
  void aMalformedUrlIsAConfigurationErrorNamingIt() {
    assertThatThrownBy(() -> new ElasticsearchHistory("http://bad host:9200", null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("elasticsearch.url").hasMessageContaining("'http://bad host:9200'");
    assertThatThrownBy(() -> new ElasticsearchHistory("http://:9200", null))
        .isInstanceOf(ConfigException.class);
  }
}
