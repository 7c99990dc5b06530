/** Polling sources: conditional GET, new-entry detection, adaptive intervals and the Kafka-backed poller. */
package org.watchfloor.feeds.poll;
