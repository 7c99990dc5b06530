/** Benchmarks of the feeds stage: feed parsing (JMH) and polling capacity against a local server. */
package org.watchfloor.feeds.bench;
