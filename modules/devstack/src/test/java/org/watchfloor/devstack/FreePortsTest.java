package org.watchfloor.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {
  @Test
  void portsAreDistinctBindableAndOutsideTheEphemeralRange() throws Exception {
    int ephemeral = FreePorts.ephemeralStart();
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      ports.add(FreePorts.next());
    }
    assertThat(ports).hasSize(50);
    // a client socket is never given a port below the ephemeral range, so none can take one before its server binds
    assertThat(ports).allSatisfy(p -> assertThat(p).isBetween(10_000, ephemeral - 1));
    int port = ports.iterator().next();
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }
}
