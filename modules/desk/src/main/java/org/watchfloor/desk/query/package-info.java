/** What the desk asks for: one filter for history and the live stream, and the Elasticsearch queries behind views. */
package org.watchfloor.desk.query;
