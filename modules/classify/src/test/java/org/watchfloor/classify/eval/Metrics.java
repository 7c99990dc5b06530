package org.watchfloor.classify.eval;

/**
 * The quality figures of one run over a set of articles.
 *
 * @param spearman rank correlation between predicted tension scores and the labelled levels
 */
public record Metrics(
    int articles,
    double actorPrecision,
    double actorRecall,
    double actorF1,
    double topicPrecision,
    double topicRecall,
    double topicMicroF1,
    double tensionExact,
    double tensionWithinOne,
    double spearman) {}
