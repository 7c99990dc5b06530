/** Polite page fetching on top of the feeds stage's safe fetcher: robots.txt, per-host delay, retries with backoff. */
package org.watchfloor.pages.fetch;
