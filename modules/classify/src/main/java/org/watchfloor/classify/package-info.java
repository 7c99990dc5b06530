/** Watchfloor classify stage. */
package org.watchfloor.classify;
