package org.watchfloor.alerting.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts JSON and classifies the answer: 2xx accepted, 408, 429 and 5xx worth a retry, any other status final. */
final class HttpPost {
  private HttpPost() {}

  static void post(HttpClient client, HttpRequest.Builder request, String url, Duration timeout)
      throws DeliveryException {
    HttpResponse<String> response;
    try {
      response = client.send(request.uri(URI.create(url)).timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryException(url + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), true, 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(url + ": interrupted", true, 0, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    boolean retryable = status == 408 || status == 429 || status >= 500;
    String body = response.body() == null ? "" : response.body();
    throw new DeliveryException(url + " answered " + status + (body.isBlank() ? ""
        : ": " + body.substring(0, Math.min(200, body.length()))), retryable, status);
  }
}
