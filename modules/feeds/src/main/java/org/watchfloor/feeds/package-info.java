/** The feeds stage: polls RSS/Atom feeds and listing pages and publishes new entries to Kafka. */
package org.watchfloor.feeds;
