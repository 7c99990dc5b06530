package org.watchfloor.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs every stage in one process against the embedded stack or external services. */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Run the whole pipeline in one process.")
public final class UpCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
