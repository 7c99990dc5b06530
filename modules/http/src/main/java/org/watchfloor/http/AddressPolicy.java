package org.watchfloor.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Decides which resolved addresses a fetch may connect to, so a feed cannot point the fetcher at internal hosts. */
public final class AddressPolicy {
  private AddressPolicy() {}

  /**
   * True for loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10), multicast,
   * any-local (0/8, ::), CGNAT (100.64/10) and other non-public addresses.
   */
  public static boolean isNonPublic(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int a0 = b[0] & 0xff;
      int a1 = b[1] & 0xff;
      return a0 == 0                                  // "this network"
          || a0 == 10
          || (a0 == 100 && (a1 & 0xc0) == 64)         // CGNAT 100.64/10
          || (a0 == 169 && a1 == 254)
          || (a0 == 172 && (a1 & 0xf0) == 16)
          || (a0 == 192 && a1 == 168)
          || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (a0 == 198 && (a1 & 0xfe) == 18)         // benchmarking 198.18/15
          || a0 >= 224;                               // multicast and reserved
    }
    if (address instanceof Inet6Address) {
      int a0 = b[0] & 0xff;
      if ((a0 & 0xfe) == 0xfc) {                      // unique local fc00::/7
        return true;
      }
      if (a0 == 0xfe && (b[1] & 0xc0) == 0x80) {      // link-local fe80::/10
        return true;
      }
      if (isV4Embedded(b)) {
        try {
          byte[] v4 = {b[12], b[13], b[14], b[15]};
          return isNonPublic(InetAddress.getByAddress(v4));
        } catch (java.net.UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }

  /** IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) forms carry an IPv4 address to check too. */
  private static boolean isV4Embedded(byte[] b) {
    boolean zeros = true;
    for (int i = 0; i < 12; i++) {
      if (b[i] != 0) {
        zeros = false;
        break;
      }
    }
    boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    return zeros || nat64;
  }
}
