package org.watchfloor.alerting.rules;

import java.util.List;

/**
 * A named delivery channel from the rules file: {@code webhook}, {@code slack}, {@code email} or {@code log}.
 *
 * @param url the receiver of a webhook or Slack-compatible incoming webhook
 * @param secret the HMAC key for webhook signatures; when empty the setting {@code alerting.webhook.secret} is used
 * @param to the recipients of an email channel
 * @param template a Mustache template for the text sent, over the alert's fields; the rule's message when empty
 */
public record ChannelSpec(String type, String url, String secret, List<String> to, String template) {
  public static final String WEBHOOK = "webhook";
  public static final String SLACK = "slack";
  public static final String EMAIL = "email";
  public static final String LOG = "log";
  public static final List<String> TYPES = List.of(WEBHOOK, SLACK, EMAIL, LOG);

  public static final ChannelSpec LOG_CHANNEL = new ChannelSpec(LOG, null, null, null, null);

  public ChannelSpec {
    to = to == null ? List.of() : List.copyOf(to);
  }
}
