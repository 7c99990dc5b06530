/** The configured news sources: the {@code config/sources.yaml} records and their validation. */
package org.watchfloor.feeds.source;
