/** Pure classification: actors, topics, tension and dyads, language and fingerprints. No Kafka, no I/O. */
package org.watchfloor.classify;
