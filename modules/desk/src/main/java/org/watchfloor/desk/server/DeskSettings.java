package org.watchfloor.desk.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.watchfloor.model.config.Settings;

/**
 * Where the desk listens and how it lets people in: {@code desk.bind} and {@code desk.port} from
 * {@code watchfloor.yaml}, the token ({@code WATCHFLOOR_DESK_TOKEN}) or basic-auth credentials
 * ({@code WATCHFLOOR_DESK_USER}, {@code WATCHFLOOR_DESK_PASSWORD}) from the environment.
 */
public record DeskSettings(String bind, int port, String token, String user, String password) {
  /** Loopback: nobody else on the network reaches the desk unless told to. */
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_PORT = 8686;

  public DeskSettings {
    bind = bind == null || bind.isBlank() ? DEFAULT_BIND : bind.trim();
    token = blankToNull(token);
    user = blankToNull(user);
    password = blankToNull(password);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("desk.port must be between 0 and 65535, got " + port);
    }
  }

  /** The desk settings from the watchfloor settings (file and environment). */
  public static DeskSettings from(Settings s) {
    return new DeskSettings(s.get("desk.bind", DEFAULT_BIND), s.getInt("desk.port", DEFAULT_PORT),
        s.get("desk.token", null), s.get("desk.user", null), s.get("desk.password", null));
  }

  public DeskSettings withBind(String b) {
    return new DeskSettings(b, port, token, user, password);
  }

  public DeskSettings withPort(int p) {
    return new DeskSettings(bind, p, token, user, password);
  }

  /** Whether requests must carry the token or the credentials. */
  public boolean authRequired() {
    return token != null || (user != null && password != null);
  }

  /**
   * Refuses settings that would open the desk to the network without a password: any address but loopback needs a
   * token or basic-auth credentials.
   *
   * @throws DeskStartException with a plain reason
   */
  public void check() {
    if ((user == null) != (password == null)) {
      throw new DeskStartException("set both WATCHFLOOR_DESK_USER and WATCHFLOOR_DESK_PASSWORD, or neither");
    }
    if (!isLoopback(bind) && !authRequired()) {
      throw new DeskStartException("the desk would listen on " + bind + ", which other machines can reach: set "
          + "WATCHFLOOR_DESK_TOKEN, or WATCHFLOOR_DESK_USER and WATCHFLOOR_DESK_PASSWORD, in the environment first "
          + "(or bind to 127.0.0.1)");
    }
  }

  /** Whether {@code host} names only this machine. */
  public static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      InetAddress a = InetAddress.getByName(host);
      return a.isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @Override
  public String toString() {
    return "DeskSettings[bind=" + bind + ", port=" + port + ", token=" + (token == null ? "none" : "****")
        + ", user=" + (user == null ? "none" : user) + ", password=" + (password == null ? "none" : "****") + "]";
  }
}
