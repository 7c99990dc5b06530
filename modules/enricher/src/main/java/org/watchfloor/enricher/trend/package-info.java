/** Trends: hourly article counts and tension per actor and per dyad, for charts and alert rules. */
package org.watchfloor.enricher.trend;
