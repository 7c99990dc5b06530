/** Checking at start that Kafka and Elasticsearch answer, saying in words which address failed and why. */
package org.watchfloor.runtime.probe;
