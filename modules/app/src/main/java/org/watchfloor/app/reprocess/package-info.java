/** Re-reading history: the raw topic replayed through the current classifier into a new generation of the indices. */
package org.watchfloor.app.reprocess;
