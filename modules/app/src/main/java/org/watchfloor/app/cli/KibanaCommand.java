package org.watchfloor.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.watchfloor.indexer.kibana.KibanaImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor kibana}: Kibana housekeeping; {@code import} loads the data views and dashboard. */
@Command(name = "kibana", mixinStandardHelpOptions = true,
    description = "Manage Watchfloor's Kibana saved objects (data views and the tension dashboard).",
    subcommands = KibanaCommand.Import.class)
public final class KibanaCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Loads deploy/kibana/watchfloor.ndjson through the saved-objects import API. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {
        "Import the data views (articles, alerts) and the Watchfloor dashboard into Kibana, overwriting earlier "
            + "versions, through POST /api/saved_objects/_import?overwrite=true.",
        "",
        "Example:  watchfloor kibana import --url http://localhost:5601"
      })
  public static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "Kibana base URL.")
    String url;

    @Option(names = "--file", paramLabel = "NDJSON",
        description = "Saved objects to import. Default: deploy/kibana/watchfloor.ndjson under $WATCHFLOOR_HOME "
            + "or the working folder.")
    Path file;

    @Option(names = "--space", paramLabel = "ID", description = "Kibana space (default: the default space).")
    String space;

    @Option(names = "--username", paramLabel = "USER",
        description = "Basic-auth user; the password comes from $KIBANA_PASSWORD. "
            + "An API key in $KIBANA_API_KEY is used instead when set.")
    String username;

    @Override
    public Integer call() throws Exception {
      Path ndjson = file != null ? file : defaultFile();
      if (!Files.isRegularFile(ndjson)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "no saved-objects file at " + ndjson.toAbsolutePath() + " (pass --file)");
      }
      String apiKey = System.getenv("KIBANA_API_KEY");
      String auth = apiKey != null && !apiKey.isBlank() ? "ApiKey " + apiKey
          : username != null ? KibanaImporter.basic(username, System.getenv("KIBANA_PASSWORD")) : null;
      KibanaImporter.Result result;
      try {
        result = new KibanaImporter(auth).importFile(url, space, ndjson);
      } catch (java.io.IOException e) {
        spec.commandLine().getErr().println("cannot import into Kibana at " + url + ": "
            + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return 2;
      }
      var out = spec.commandLine().getOut();
      out.printf("Imported %d saved objects from %s into %s%n", result.successCount(), ndjson, url);
      result.errors().forEach(e -> out.println("  error: " + e));
      out.flush();
      return result.success() ? 0 : 1;
    }

    static Path defaultFile() {
      String home = System.getProperty("watchfloor.home", System.getenv("WATCHFLOOR_HOME"));
      Path relative = Path.of("deploy", "kibana", "watchfloor.ndjson");
      if (home != null && Files.isRegularFile(Path.of(home).resolve(relative))) {
        return Path.of(home).resolve(relative);
      }
      return relative;
    }
  }
}
