package org.watchfloor.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks free loopback ports for services that need their port in their configuration before they bind.
 *
 * <p>The ports come from below the kernel's ephemeral range. A port the kernel hands out for {@code bind(0)} is one it
 * may also hand to the next outgoing connection: between picking such a port and a broker binding it, a client socket
 * of another broker in the same cluster took it once ("Address already in use" in a CI run). Ports below the range are
 * never given to client sockets, so only an explicit bind can take them, and each one is checked and handed out once
 * per JVM.
 */
final class FreePorts {
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LOWEST = 10_000;
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  static synchronized int next() {
    int below = ephemeralStart();
    if (below - LOWEST >= 1_000) {
      for (int attempt = 0; attempt < 200; attempt++) {
        int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
        if (!HANDED_OUT.contains(port) && bindable(port)) {
          HANDED_OUT.add(port);
          return port;
        }
      }
    }
    // no room below the ephemeral range (or /proc is missing): let the kernel choose
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      HANDED_OUT.add(socket.getLocalPort());
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** The first port of the kernel's ephemeral range, 32768 (Linux's default) when it cannot be read. */
  static int ephemeralStart() {
    try {
      // procfs reports a size of 0, and Files.readString trusts it (it returned "3" here); read the stream instead
      String text;
      try (var in = Files.newInputStream(EPHEMERAL_RANGE)) {
        text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
      }
      String[] range = text.trim().split("\\s+");
      return Integer.parseInt(range[0]);
    } catch (IOException | RuntimeException e) {
      return 32_768;
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
