/** Watchfloor indexer stage. */
package org.watchfloor.indexer;
