/** The end-to-end benchmark: synthetic raw articles at a controlled rate through enricher, indexer and alerting. */
package org.watchfloor.app.bench;
