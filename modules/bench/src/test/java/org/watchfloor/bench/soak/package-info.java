/** The soak test: the local pipeline under steady load for a long time, with a fault every few minutes. */
package org.watchfloor.bench.soak;
