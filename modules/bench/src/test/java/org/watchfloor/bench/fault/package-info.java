/** End-to-end fault scenarios on real local services, each ending in one verdict line with its counts. */
package org.watchfloor.bench.fault;
