package org.watchfloor.model;

/**
 * Who acts on whom: a CAMEO-style event class between two actors with its Goldstein value (-10 conflict to +10
 * cooperation), and the sentence it came from.
 */
public record Dyad(String source, String target, String eventClass, double goldstein, String sentence) {}
