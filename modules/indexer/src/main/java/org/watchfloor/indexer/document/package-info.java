/** Maps the pipeline's records to Elasticsearch documents with Elastic Common Schema names; pure functions. */
package org.watchfloor.indexer.document;
