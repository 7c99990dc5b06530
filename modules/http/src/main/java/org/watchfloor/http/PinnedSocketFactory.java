package org.watchfloor.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.function.Predicate;
import javax.net.SocketFactory;

/**
 * Plain sockets that connect to exactly the address checked: at connect time the host name is resolved once through
 * a {@link HostResolver}, every address of the answer is checked, and the socket connects to the first; whatever
 * address the caller's {@link InetSocketAddress} resolved to itself is ignored. For clients that take a socket
 * factory but resolve on their own (Jakarta Mail's SMTP transport); TLS layered on such a socket still uses the host
 * name for SNI and the certificate check.
 */
public final class PinnedSocketFactory extends SocketFactory {
  private final HostResolver resolver;
  private final Predicate<InetAddress> refused;

  public PinnedSocketFactory(HostResolver resolver, Predicate<InetAddress> refused) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.refused = Objects.requireNonNull(refused, "refused");
  }

  @Override
  public Socket createSocket() {
    return new PinnedSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket s = new PinnedSocket();
    s.connect(InetSocketAddress.createUnresolved(host, port));
    return s;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    Socket s = new PinnedSocket();
    s.bind(new InetSocketAddress(localHost, localPort));
    s.connect(InetSocketAddress.createUnresolved(host, port));
    return s;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket s = new PinnedSocket();
    s.connect(new InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    Socket s = new PinnedSocket();
    s.bind(new InetSocketAddress(localAddress, localPort));
    s.connect(new InetSocketAddress(address, port));
    return s;
  }

  /** The address to connect to for a host: resolved once, every answer checked. */
  InetAddress checked(String host) throws IOException {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] all = h.matches("[0-9.]+") || h.contains(":")
        ? new InetAddress[] {InetAddress.getByName(h)} : resolver.resolve(h);
    if (all == null || all.length == 0) {
      throw new java.net.UnknownHostException(h);
    }
    for (InetAddress a : all) {
      if (refused.test(a)) {
        throw new PinnedHttpClient.RefusedAddressException(h + " resolves to non-public address "
            + a.getHostAddress());
      }
    }
    return all[0];
  }

  private final class PinnedSocket extends Socket {
    PinnedSocket() {
      super(java.net.Proxy.NO_PROXY);
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
      connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof InetSocketAddress)) {
        throw new IOException("unsupported address type");
      }
      InetSocketAddress isa = (InetSocketAddress) endpoint;
      InetAddress address;
      if (isa.getAddress() != null && isa.getHostString().equals(isa.getAddress().getHostAddress())) {
        // Given as an address: checked as it is.
        address = checked(isa.getAddress().getHostAddress());
      } else {
        address = checked(isa.getHostString());
      }
      super.connect(new InetSocketAddress(address, isa.getPort()), timeout);
    }
  }
}
