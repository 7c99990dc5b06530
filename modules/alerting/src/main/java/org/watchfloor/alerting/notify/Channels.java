package org.watchfloor.alerting.notify;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.alerting.rules.ChannelSpec;
import org.watchfloor.http.PinnedHttpClient;
import org.watchfloor.model.config.Settings;

/**
 * Builds the notifiers of the channels a rules file defines, plus the built-in {@code log} channel. Webhook and Slack
 * requests go to exactly the address checked when the host was resolved; a private address is refused unless
 * {@code alerting.notify.allow.private} is true (default false). SMTP follows {@code alerting.smtp.allow.private}
 * (default true: the relay is usually local).
 */
public final class Channels {
  private static final Logger LOG = LoggerFactory.getLogger(Channels.class);

  /** Whether webhook and Slack channels may send to loopback and private addresses. */
  public static final String ALLOW_PRIVATE = "alerting.notify.allow.private";

  private Channels() {}

  public static Map<String, Channel> create(Map<String, ChannelSpec> specs, Settings settings) {
    Duration timeout = settings.getDuration("alerting.notify.timeout", Duration.ofSeconds(10));
    PinnedHttpClient http = PinnedHttpClient.of(settings.getBoolean(ALLOW_PRIVATE, false), timeout);
    String defaultSecret = settings.get("alerting.webhook.secret", null);
    SmtpSettings smtp = SmtpSettings.from(settings);
    Map<String, Channel> out = new LinkedHashMap<>();
    out.put(ChannelSpec.LOG, new Channel(ChannelSpec.LOG, ChannelSpec.LOG, new LogNotifier(), null));
    specs.forEach((name, spec) -> {
      Notifier n;
      switch (spec.type()) {
        case ChannelSpec.WEBHOOK: {
          String secret = spec.secret() == null || spec.secret().isEmpty() ? defaultSecret : spec.secret();
          if (secret == null || secret.isEmpty()) {
            LOG.warn("Webhook channel {} has no secret: its requests go unsigned (set alerting.webhook.secret)", name);
          }
          n = new WebhookNotifier(http, spec.url(), secret);
          break;
        }
        case ChannelSpec.SLACK:
          n = new SlackNotifier(http, spec.url());
          break;
        case ChannelSpec.EMAIL:
          n = new EmailNotifier(smtp, spec.to());
          break;
        default:
          n = new LogNotifier();
          break;
      }
      out.put(name, new Channel(name, spec.type(), n, spec.template()));
    });
    return out;
  }
}
