/** The enricher stage: the Kafka Streams topology that validates, deduplicates, classifies and groups raw articles. */
package org.watchfloor.enricher;
