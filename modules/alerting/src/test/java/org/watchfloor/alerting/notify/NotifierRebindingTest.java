package org.watchfloor.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.watchfloor.http.HostResolver;
import org.watchfloor.http.PinnedHttpClient;

/**
 * DNS rebinding against the notifiers: the resolver answers a public address first and a private one afterwards
 * (127.0.0.1 plays the public receiver, 127.0.0.2 the private host, each listening on the same port). Webhook, Slack
 * and SMTP deliveries go to the address checked, and a later answer that is private is refused, never connected to.
 */
class NotifierRebindingTest {
  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final InetAddress PUBLIC = address("127.0.0.1");
  private static final InetAddress PRIVATE = address("127.0.0.2");

  private final Receiver receiver = new Receiver();
  private final RetryingSender sender =
      new RetryingSender(new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10)), () -> false);
  private PrivateListener privateHost;

  private static InetAddress address(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts the connections made to the private address. */
  private static final class PrivateListener implements AutoCloseable {
    final ServerSocket socket;
    final AtomicInteger connections = new AtomicInteger();

    PrivateListener(int port) throws IOException {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(PRIVATE, port));
      Thread t = new Thread(() -> {
        while (!socket.isClosed()) {
          try (Socket s = socket.accept()) {
            connections.incrementAndGet();
          } catch (IOException e) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** PUBLIC to the first lookup, PRIVATE to every later one. */
  private static final class Rebinding implements HostResolver {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public InetAddress[] resolve(String host) {
      return new InetAddress[] {calls.getAndIncrement() == 0 ? PUBLIC : PRIVATE};
    }
  }

  @AfterEach
  void stop() throws IOException {
    receiver.close();
    if (privateHost != null) {
      privateHost.close();
    }
  }

  private PinnedHttpClient client(Rebinding resolver) {
    return new PinnedHttpClient(resolver, PRIVATE::equals, (SSLSocketFactory) SSLSocketFactory.getDefault(),
        Duration.ofSeconds(5));
  }

  private String hookUrl(String path) {
    int port = Integer.parseInt(receiver.url(path).replaceAll("^http://[^:]+:(\\d+)/.*$", "$1"));
    return "http://hooks.rebind.test:" + port + path;
  }

  @Test
  void webhookGoesToTheCheckedAddressAndRefusesTheReboundOne() throws Exception {
    Rebinding resolver = new Rebinding();
    String url = hookUrl("/hook");
    privateHost = new PrivateListener(Integer.parseInt(url.replaceAll("^.*:(\\d+)/.*$", "$1")));
    Channel hook = new Channel("hook", "webhook", new WebhookNotifier(client(resolver), url, "k"), null);

    RetryingSender.Outcome first = sender.send(hook, WebhookDeliveryTest.alert("rb-1"));
    assertThat(first.delivered()).as(String.valueOf(first.error())).isTrue();
    assertThat(receiver.accepted()).hasSize(1);
    assertThat(receiver.accepted().get(0).header("Host")).startsWith("hooks.rebind.test:");

    RetryingSender.Outcome second = sender.send(hook, WebhookDeliveryTest.alert("rb-2"));
    assertThat(second.delivered()).isFalse();
    assertThat(second.error()).contains("non-public address 127.0.0.2").contains("alerting.notify.allow.private");
    assertThat(resolver.calls.get()).isEqualTo(2);
    assertThat(privateHost.connections.get()).as("connections to the private host").isZero();
    assertThat(receiver.accepted()).hasSize(1);
  }

  @Test
  void slackGoesToTheCheckedAddressAndRefusesTheReboundOne() throws Exception {
    Rebinding resolver = new Rebinding();
    String url = hookUrl("/slack");
    privateHost = new PrivateListener(Integer.parseInt(url.replaceAll("^.*:(\\d+)/.*$", "$1")));
    Channel slack = new Channel("slack", "slack", new SlackNotifier(client(resolver), url), null);
    assertThat(sender.send(slack, WebhookDeliveryTest.alert("rb-3")).delivered()).isTrue();
    RetryingSender.Outcome second = sender.send(slack, WebhookDeliveryTest.alert("rb-4"));
    assertThat(second.delivered()).isFalse();
    assertThat(second.error()).contains("non-public address 127.0.0.2");
    assertThat(privateHost.connections.get()).isZero();
    assertThat(receiver.accepted()).hasSize(1);
  }

  @Test
  void smtpConnectsToTheCheckedAddressAndRefusesTheReboundOne() throws Exception {
    int port = mail.getSmtp().getPort();
    privateHost = new PrivateListener(port);
    Rebinding resolver = new Rebinding();
    SmtpSettings smtp = new SmtpSettings("mail.rebind.test", port, null, null, "watchfloor@example.org", false,
        false, Duration.ofSeconds(5), false);
    Channel email = new Channel("mail", "email",
        new EmailNotifier(smtp, List.of("desk@example.org"), resolver, PRIVATE::equals), null);

    RetryingSender.Outcome first = sender.send(email, WebhookDeliveryTest.alert("rb-5"));
    assertThat(first.delivered()).as(String.valueOf(first.error())).isTrue();
    assertThat(mail.getReceivedMessages()).hasSize(1);

    RetryingSender.Outcome second = sender.send(email, WebhookDeliveryTest.alert("rb-6"));
    assertThat(second.delivered()).isFalse();
    assertThat(second.attempts()).as("a refused address is not retried").isEqualTo(1);
    assertThat(second.error()).contains("non-public address 127.0.0.2").contains("alerting.smtp.allow.private");
    assertThat(resolver.calls.get()).isEqualTo(2);
    assertThat(privateHost.connections.get()).isZero();
    assertThat(mail.getReceivedMessages()).hasSize(1);
  }
}
