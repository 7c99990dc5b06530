package org.watchfloor.devstack;

/** The three feed formats the {@link SampleSource} serves; each sample article is in exactly one of them. */
public enum SampleFeed {
  RSS("/rss.xml", "application/rss+xml"),
  ATOM("/atom.xml", "application/atom+xml"),
  RDF("/rdf.xml", "application/rdf+xml");

  private final String path;
  private final String contentType;

  SampleFeed(String path, String contentType) {
    this.path = path;
    this.contentType = contentType;
  }

  public String path() {
    return path;
  }

  public String contentType() {
    return contentType;
  }
}
