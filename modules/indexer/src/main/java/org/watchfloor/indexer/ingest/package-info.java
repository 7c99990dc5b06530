/** Turns topic records into bulk operations and writes them with the BulkIngester, committing only what succeeded. */
package org.watchfloor.indexer.ingest;
