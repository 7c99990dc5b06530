/** Watchfloor app stage. */
package org.watchfloor.app;
