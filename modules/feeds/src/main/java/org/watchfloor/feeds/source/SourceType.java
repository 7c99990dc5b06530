package org.watchfloor.feeds.source;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a source is a feed (RSS/Atom/RDF) or an HTML listing page read with a CSS selector. */
public enum SourceType {
  @JsonProperty("feed") FEED,
  @JsonProperty("listing") LISTING
}
