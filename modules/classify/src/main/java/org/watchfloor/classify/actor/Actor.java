package org.watchfloor.classify.actor;

import java.util.Set;

/** A resolved gazetteer actor, as the extractor holds it. */
public record Actor(
    String id, String type, String name, String wikidata, String country, boolean personName, Set<String> notAfter) {}
