/** A bounded, SSRF-safe HTTP fetcher shared by the feeds and pages stages. */
package org.watchfloor.http;
