/** The indexer stage: Elasticsearch templates and aliases, clients, and the stage that writes the pipeline's topics. */
package org.watchfloor.indexer;
