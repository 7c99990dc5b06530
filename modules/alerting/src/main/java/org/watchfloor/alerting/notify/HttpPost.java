package org.watchfloor.alerting.notify;

import java.io.IOException;
import java.util.Map;
import org.watchfloor.http.PinnedHttpClient;

/**
 * Posts JSON through a {@link PinnedHttpClient} (the host resolved once, checked, and connected to at exactly that
 * address) and classifies the answer: 2xx accepted, 408, 429 and 5xx worth a retry, any other status final; a host
 * that resolves to a refused address is final too.
 */
final class HttpPost {
  private HttpPost() {}

  static void post(PinnedHttpClient client, Map<String, String> headers, byte[] body, String url)
      throws DeliveryException {
    PinnedHttpClient.Answer answer;
    try {
      answer = client.post(url, headers, body);
    } catch (PinnedHttpClient.RefusedAddressException e) {
      throw new DeliveryException(url + ": " + e.getMessage()
          + " (set alerting.notify.allow.private: true to send alerts to private addresses)", false, 0, e);
    } catch (IOException e) {
      throw new DeliveryException(url + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), true, 0, e);
    }
    int status = answer.status();
    if (status >= 200 && status < 300) {
      return;
    }
    boolean retryable = status == 408 || status == 429 || status >= 500;
    String text = answer.body() == null ? "" : answer.body();
    throw new DeliveryException(url + " answered " + status + (text.isBlank() ? ""
        : ": " + text.substring(0, Math.min(200, text.length()))), retryable, status);
  }
}
