package org.watchfloor.alerting.notify;

import org.watchfloor.model.Alert;

/** Sends one alert to one receiver; the only place alerting performs I/O toward the outside. */
public interface Notifier {
  /**
   * Sends the alert with its rendered text.
   *
   * @throws DeliveryException when the receiver did not take it; {@link DeliveryException#retryable()} says whether
   *     trying again may help
   */
  void send(Alert alert, String text) throws DeliveryException;
}
