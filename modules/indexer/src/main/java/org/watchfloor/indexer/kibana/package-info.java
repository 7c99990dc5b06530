/** Loads the Kibana saved objects (data views, dashboard) through Kibana's saved-objects API. */
package org.watchfloor.indexer.kibana;
