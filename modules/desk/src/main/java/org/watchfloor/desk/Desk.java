package org.watchfloor.desk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.desk.actions.AlertActions;
import org.watchfloor.desk.live.LiveHub;
import org.watchfloor.desk.live.LiveReader;
import org.watchfloor.desk.query.DeskQueries;
import org.watchfloor.desk.server.DeskServer;
import org.watchfloor.desk.server.DeskSettings;
import org.watchfloor.desk.server.DeskStartException;
import org.watchfloor.desk.status.PipelineView;
import org.watchfloor.indexer.EsClients;
import org.watchfloor.model.config.Settings;
import org.watchfloor.runtime.TopicSetup;

/**
 * One desk instance: its live reader, its view of alert actions and the pipeline, its Elasticsearch client and its
 * server. Instances keep no state of their own; run as many as wanted behind a load balancer.
 */
public final class Desk implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Desk.class);

  private final LiveHub hub = new LiveHub();
  private ElasticsearchClient es;
  private LiveReader reader;
  private AlertActions actions;
  private PipelineView pipeline;
  private DeskServer server;

  private Desk() {}

  /**
   * Starts a desk against Kafka {@code bootstrapServers} and Elasticsearch {@code elasticsearchUrl}.
   *
   * @throws org.watchfloor.desk.server.DeskStartException when the settings are unsafe or the port is taken
   */
  public static Desk start(DeskSettings desk, Settings settings, String bootstrapServers, String elasticsearchUrl) {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    desk.check();
    Desk d = new Desk();
    try {
      Properties kafka = settings.kafkaProperties();
      kafka.put("bootstrap.servers", bootstrapServers);
      try (Admin admin = Admin.create(kafka)) {
        TopicSetup.ensure(admin, settings.getInt("pipeline.partitions", 3),
            (short) settings.getInt("pipeline.replication.factor", 1));
      }
      d.es = EsClients.create(settings, elasticsearchUrl);
      d.reader = new LiveReader(kafka, d.hub).start();
      d.actions = new AlertActions(kafka, d.hub).start();
      d.pipeline = new PipelineView(kafka);
      d.server = new DeskServer(desk, new DeskServer.Backend(new DeskQueries(d.es), d.actions, d.pipeline, d.hub))
          .start();
      LOG.info("Desk serving {} ({})", d.server.url(), desk);
      return d;
    } catch (IllegalStateException | org.apache.kafka.common.KafkaException e) {
      d.close();
      throw new DeskStartException("the desk cannot start: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
  }

  public String url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  public LiveHub hub() {
    return hub;
  }

  @Override
  public void close() {
    close(server);
    close(reader);
    close(actions);
    close(pipeline);
    if (es != null) {
      EsClients.close(es);
    }
  }

  private static void close(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("Desk part did not close cleanly", e);
    }
  }
}
