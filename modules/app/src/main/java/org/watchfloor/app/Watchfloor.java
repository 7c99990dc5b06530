package org.watchfloor.app;

import org.watchfloor.app.cli.WatchfloorCommand;
import picocli.CommandLine;

/** Entry point of the {@code watchfloor} launcher. */
public final class Watchfloor {
  private Watchfloor() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return new CommandLine(new WatchfloorCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .execute(args);
  }
}
