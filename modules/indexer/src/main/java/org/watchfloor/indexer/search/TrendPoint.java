package org.watchfloor.indexer.search;

import java.time.Instant;

/** One bucket of a trend: article volume and mean and max tension; the tensions are null for an empty bucket. */
public record TrendPoint(Instant start, long count, Double meanTension, Double maxTension) {}
