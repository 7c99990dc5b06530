/** Searching and charting the indexed articles from the terminal: queries, trends and their plain-text rendering. */
package org.watchfloor.indexer.search;
