/** Watchfloor devstack stage. */
package org.watchfloor.devstack;
