package org.watchfloor.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.app.cli.WatchfloorCommand;
import org.watchfloor.app.run.LocalStackUnavailableException;
import org.watchfloor.model.config.ConfigException;
import org.watchfloor.runtime.probe.ServiceUnavailableException;
import picocli.CommandLine;

/** Entry point of the {@code watchfloor} launcher. */
public final class Watchfloor {
  private static final Logger LOG = LoggerFactory.getLogger(Watchfloor.class);

  /** Exit code for configuration that cannot be used. */
  public static final int CONFIG_ERROR = 3;

  /** Exit code for Kafka or Elasticsearch not answering within {@code --wait-timeout}. */
  public static final int SERVICE_UNAVAILABLE = 3;

  private Watchfloor() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** The width help is laid out to. */
  static final int HELP_WIDTH = 120;

  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The command line with Watchfloor's error handling: bad config is one clear line, not a stack trace. */
  public static CommandLine commandLine() {
    return new CommandLine(new WatchfloorCommand())
        // the help texts are written in lines of up to 120 characters: at picocli's default 80 they broke mid-line
        .setUsageHelpWidth(HELP_WIDTH)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parseResult) -> {
          ConfigException config = find(e, ConfigException.class);
          if (config != null) {
            cmd.getErr().println("watchfloor: bad configuration: " + config.getMessage());
            return CONFIG_ERROR;
          }
          ServiceUnavailableException unreachable = find(e, ServiceUnavailableException.class);
          if (unreachable != null) {
            cmd.getErr().println("watchfloor: " + cmd.getCommandName() + ": " + unreachable.getMessage());
            return SERVICE_UNAVAILABLE;
          }
          LocalStackUnavailableException missing = find(e, LocalStackUnavailableException.class);
          if (missing != null) {
            cmd.getErr().println("watchfloor: " + cmd.getCommandName() + ": " + missing.getMessage());
            return CONFIG_ERROR;
          }
          LOG.error("watchfloor {} failed: {}", cmd.getCommandName(), e.getMessage(), e);
          cmd.getErr().println("watchfloor: " + cmd.getCommandName() + " failed: " + e);
          return cmd.getCommandSpec().exitCodeOnExecutionException();
        });
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
