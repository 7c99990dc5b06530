package org.watchfloor.http;

import java.util.Objects;

/**
 * What to fetch: the URL, optional validators from the previous answer for a conditional GET, whether private
 * addresses are allowed, and the Accept header.
 *
 * @param url absolute http or https URL
 * @param etag the ETag of the previous answer, or null
 * @param lastModified the Last-Modified of the previous answer, or null
 * @param allowPrivate true to allow loopback, private and link-local addresses (demo and test sources only)
 * @param accept the Accept header, or null for any
 */
public record FetchRequest(String url, String etag, String lastModified, boolean allowPrivate, String accept) {

  /** Accept header for feeds. */
  public static final String ACCEPT_FEEDS =
      "application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, "
          + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
  /** Accept header for HTML pages. */
  public static final String ACCEPT_HTML = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

  public FetchRequest {
    Objects.requireNonNull(url, "url");
  }

  /** A plain GET of a public URL. */
  public static FetchRequest of(String url) {
    return new FetchRequest(url, null, null, false, null);
  }

  public FetchRequest withValidators(String newEtag, String newLastModified) {
    return new FetchRequest(url, newEtag, newLastModified, allowPrivate, accept);
  }

  public FetchRequest withAllowPrivate(boolean allow) {
    return new FetchRequest(url, etag, lastModified, allow, accept);
  }

  public FetchRequest withAccept(String newAccept) {
    return new FetchRequest(url, etag, lastModified, allowPrivate, newAccept);
  }
}
