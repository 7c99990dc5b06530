/** Watchfloor alerting stage. */
package org.watchfloor.alerting;
