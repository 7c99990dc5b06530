package org.watchfloor.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a host name to addresses. Outbound connections resolve a host once through this, check the answer, and
 * connect to exactly the address checked; tests inject a resolver whose answers change between calls (DNS rebinding).
 */
@FunctionalInterface
public interface HostResolver {
  /** The system resolver. */
  HostResolver SYSTEM = InetAddress::getAllByName;

  InetAddress[] resolve(String host) throws UnknownHostException;
}
