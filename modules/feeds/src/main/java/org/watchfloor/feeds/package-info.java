/** Watchfloor feeds stage. */
package org.watchfloor.feeds;
