/** Watchfloor pages stage. */
package org.watchfloor.pages;
