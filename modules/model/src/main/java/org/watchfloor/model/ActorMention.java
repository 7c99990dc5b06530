package org.watchfloor.model;

import java.util.List;

/**
 * An actor named in an article, normalised.
 *
 * @param id ISO 3166-1 alpha-3 for states, a canonical slug for people and organisations, {@code unresolved:<slug>}
 *     for titled people not in the gazetteer
 * @param type STATE, LEADER, OFFICIAL, ORGANISATION, ARMED_FORCES, STATE_MEDIA, NON_STATE or UNRESOLVED
 * @param country the ISO code of the state the actor belongs to, when known
 */
public record ActorMention(
    String id, String type, String name, String wikidata, String country, int count, List<String> surfaceForms) {
  public ActorMention {
    surfaceForms = surfaceForms == null ? List.of() : List.copyOf(surfaceForms);
  }
}
