package org.watchfloor.pages.fetch;

/**
 * An HTML page as fetched.
 *
 * @param finalUrl the URL after redirects
 * @param body the decoded body bytes
 * @param charset the charset from the Content-Type header, or null to detect it from the markup
 * @param attempts requests it took, retries included
 */
public record FetchedPage(String finalUrl, byte[] body, String charset, int attempts) {}
