/** Replaying indexed history from Elasticsearch through rules, to tune them before they go live. */
package org.watchfloor.alerting.replay;
