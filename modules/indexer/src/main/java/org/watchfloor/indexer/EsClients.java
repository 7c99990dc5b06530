package org.watchfloor.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.probe.ServiceProbe;

/**
 * Builds Elasticsearch clients from settings: API key ({@code elasticsearch.api.key}) or basic auth
 * ({@code elasticsearch.username}/{@code elasticsearch.password}) and TLS trusting {@code elasticsearch.ca.cert}; the
 * credentials are sent as headers and never logged.
 */
public final class EsClients {
  public static final String URL = "elasticsearch.url";
  public static final String API_KEY = "elasticsearch.api.key";
  public static final String USERNAME = "elasticsearch.username";
  public static final String PASSWORD = "elasticsearch.password";
  public static final String CA_CERT = "elasticsearch.ca.cert";
  public static final String DEFAULT_URL = "http://127.0.0.1:9200";

  private EsClients() {}

  /** The URL from settings ({@code elasticsearch.url}, env {@code WATCHFLOOR_ELASTICSEARCH_URL}) or the default. */
  public static String url(Settings settings) {
    return settings.get(URL, DEFAULT_URL);
  }

  /** The URL a client built by {@link #create} uses: {@code url} when given, else the settings'. */
  public static String url(Settings settings, String url) {
    return url == null || url.isBlank() ? url(settings) : url;
  }

  /** A client for {@code url} (one or more, comma-separated) with the auth and TLS that {@code settings} give. */
  public static ElasticsearchClient create(Settings settings, String url) {
    return create(settings, url, 5_000, 60_000);
  }

  /**
   * Null when Elasticsearch at {@code url} (or the settings') answers with our credentials within a few seconds; else
   * what failed, in words. The check {@link ServiceProbe} repeats for every command that needs Elasticsearch.
   */
  public static String problem(Settings settings, String url) {
    String urls = url(settings, url);
    String tcp = null;
    for (String u : urls.split(",")) {
      if (!u.isBlank()) {
        tcp = ServiceProbe.urlProblem(u.trim());
        if (tcp == null) {
          break;
        }
      }
    }
    if (tcp != null) {
      return tcp;
    }
    ElasticsearchClient client = create(settings, url, (int) ServiceProbe.CONNECT_TIMEOUT.toMillis(), 3_000);
    try {
      // the cluster health, not GET /: a minimal node may not serve its root page (seen: 405) and still be healthy
      client.cluster().health();
      return null;
    } catch (co.elastic.clients.transport.TransportException e) {
      int status = e.statusCode();
      if (status == 401) {
        return "Elasticsearch refused our credentials (check elasticsearch.api.key or username and password)";
      }
      if (status == 403) {
        return "Elasticsearch does not allow our user to read the cluster info";
      }
      return status > 0 ? "the node answered HTTP " + status + " (is it starting, or not Elasticsearch?)"
          : "the port answers but Elasticsearch did not reply (http or https? is it Elasticsearch?)";
    } catch (IOException | RuntimeException e) {
      return "the port answers but Elasticsearch did not reply (http or https? is it Elasticsearch?)";
    } finally {
      close(client);
    }
  }

  private static ElasticsearchClient create(Settings settings, String url, int connectTimeoutMs, int socketTimeoutMs) {
    Objects.requireNonNull(settings, "settings");
    String urls = url(settings, url);
    List<HttpHost> hosts = new ArrayList<>();
    for (String u : urls.split(",")) {
      if (!u.isBlank()) {
        hosts.add(host(u.trim()));
      }
    }
    RestClientBuilder builder = RestClient.builder(hosts.toArray(new HttpHost[0]));
    List<Header> headers = new ArrayList<>();
    String apiKey = settings.get(API_KEY, null);
    String user = settings.get(USERNAME, null);
    if (apiKey != null) {
      headers.add(new BasicHeader("Authorization", "ApiKey " + apiKey.trim()));
    } else if (user != null) {
      String password = settings.get(PASSWORD, "");
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      headers.add(new BasicHeader("Authorization", "Basic " + token));
    }
    if (!headers.isEmpty()) {
      builder.setDefaultHeaders(headers.toArray(new Header[0]));
    }
    String caCert = settings.get(CA_CERT, null);
    if (caCert != null) {
      SSLContext ssl = sslContext(caCert);
      builder.setHttpClientConfigCallback(http -> http.setSSLContext(ssl));
    }
    builder.setRequestConfigCallback(rc -> rc.setConnectTimeout(connectTimeoutMs).setSocketTimeout(socketTimeoutMs));
    return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper(mapper())));
  }

  /** Closes the client's transport, logging nothing: closing a client is not an event. */
  public static void close(ElasticsearchClient client) {
    if (client == null) {
      return;
    }
    try {
      client._transport().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the Elasticsearch client", e);
    }
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  private static SSLContext sslContext(String path) {
    File file = new File(path);
    if (!file.isFile()) {
      throw new ConfigException(Settings.FILE, CA_CERT, "no CA certificate file at " + path);
    }
    try {
      return TransportUtils.sslContextFromHttpCaCrt(file);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(Settings.FILE, CA_CERT, "cannot read CA certificate " + path + ": " + e.getMessage());
    }
  }

  static HttpHost host(String url) {
    URI uri;
    try {
      uri = URI.create(url.contains("://") ? url : "http://" + url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(Settings.FILE, URL, "not a URL: '" + url + "' (" + e.getMessage() + ")");
    }
    if (uri.getHost() == null) {
      throw new ConfigException(Settings.FILE, URL, "not a URL: '" + url + "'");
    }
    String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
    int port = uri.getPort() > 0 ? uri.getPort() : 9200;
    return new HttpHost(uri.getHost(), port, scheme);
  }
}
