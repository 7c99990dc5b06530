/** Turning one feed entry into one raw article: fetch, extract, fall back to the feed summary; no Kafka here. */
package org.watchfloor.pages.stage;
