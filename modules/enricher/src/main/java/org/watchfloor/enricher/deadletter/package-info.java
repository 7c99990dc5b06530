/** Kafka Streams exception handlers that send what the topology did not expect to the dead-letter topic. */
package org.watchfloor.enricher.deadletter;
