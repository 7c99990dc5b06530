/**
 * Replaying past articles through rules, to tune them before they go live; the articles come from wherever they were
 * kept (the launcher reads them back from Elasticsearch through the indexer's {@code ArticleHistory}).
 */
package org.watchfloor.alerting.replay;
