package org.watchfloor.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.http.HttpHost;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.Settings;

class EsClientsTest {
  @Test
  void parsesSchemeHostAndPort() {
    HttpHost h = EsClients.host("https://es.internal:9243");
    assertThat(h.getSchemeName()).isEqualTo("https");
    assertThat(h.getHostName()).isEqualTo("es.internal");
    assertThat(h.getPort()).isEqualTo(9243);
    assertThat(EsClients.host("localhost").getPort()).isEqualTo(9200);
  }

  @Test
  void aMalformedUrlIsAConfigurationErrorNamingIt() {
    assertThatThrownBy(() -> EsClients.host("http://bad host:9200"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(EsClients.URL).hasMessageContaining("'http://bad host:9200'");
  }

  @Test
  void readsUrlFromEnvironmentOverride() {
    Settings s = Settings.load(Path.of("does-not-exist"), Map.of("WATCHFLOOR_ELASTICSEARCH_URL", "http://es:9201"));
    assertThat(EsClients.url(s)).isEqualTo("http://es:9201");
    assertThat(EsClients.url(Settings.of(Map.of(), Path.of(".")))).isEqualTo(EsClients.DEFAULT_URL);
  }

  @Test
  void missingCaCertificateFailsWithTheKey() {
    Settings s = Settings.of(Map.of(EsClients.CA_CERT, "/nonexistent/ca.crt"), Path.of("."));
    assertThatThrownBy(() -> EsClients.create(s, "https://localhost:9200"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(EsClients.CA_CERT);
  }

  @Test
  void secretsAreMaskedWhenSettingsAreLogged() {
    Settings s = Settings.of(Map.of(EsClients.API_KEY, "c2VjcmV0", EsClients.PASSWORD, "hunter2",
        EsClients.USERNAME, "elastic"), Path.of("."));
    assertThat(s.toString()).doesNotContain("c2VjcmV0").doesNotContain("hunter2").contains("elastic");
  }
}
