package org.watchfloor.alerting.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.model.Alert;

/** Writes the alert to the log: the default channel, and the one the demo shows. */
public final class LogNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger("watchfloor.alerts");

  @Override
  public void send(Alert alert, String text) {
    LOG.info("ALERT [{}] {} (rule {}, key {}, id {})", alert.level(), alert.title(), alert.ruleId(), alert.key(),
        alert.id());
  }
}
