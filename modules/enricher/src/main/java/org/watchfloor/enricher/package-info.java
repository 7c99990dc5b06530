/** Watchfloor enricher stage. */
package org.watchfloor.enricher;
