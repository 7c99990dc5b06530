package org.watchfloor.runtime.probe;

import java.time.Duration;

/** A service that did not answer within the wait timeout: which service, at which address, and what failed. */
public final class ServiceUnavailableException extends RuntimeException {
  private final String service;
  private final String address;
  private final String problem;

  public ServiceUnavailableException(String service, String address, String problem, Duration waited) {
    super("cannot reach " + service + " at " + address + ": " + problem + "; gave up after "
        + ServiceProbe.format(waited) + " (--wait-timeout)");
    this.service = service;
    this.address = address;
    this.problem = problem;
  }

  public String service() {
    return service;
  }

  public String address() {
    return address;
  }

  public String problem() {
    return problem;
  }
}
