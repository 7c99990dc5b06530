package org.watchfloor.app.run;

import java.util.List;
import org.watchfloor.devstack.SampleSource;
import org.watchfloor.feeds.source.Source;
import org.watchfloor.feeds.source.SourceType;

/** The demo site's three feeds as sources; loopback, so they are explicitly allowed to be private. */
final class DemoSources {
  private DemoSources() {}

  static List<Source> of(SampleSource sample) {
    return List.of(
        source("demo-rss", sample.rssUrl()),
        source("demo-atom", sample.atomUrl()),
        source("demo-rdf", sample.rdfUrl()));
  }

  private static Source source(String name, String url) {
    return new Source(name, url, SourceType.FEED, null, "en", null, List.of("demo"), "5s", "1m", true);
  }
}
