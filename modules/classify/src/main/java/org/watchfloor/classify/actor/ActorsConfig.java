package org.watchfloor.classify.actor;

import java.util.List;

/**
 * The gazetteer as written in {@code config/actors.yaml}.
 *
 * @param asOf when the office holders were last checked
 * @param titles words that introduce a person ("president", "analyst"); a titled name not in the gazetteer is reported
 *     as unresolved
 * @param roleWords words that may sit between a title and a name ("defence", "foreign", "prime")
 * @param notNames capitalised words that follow a title without being a name ("Assembly" after "General")
 * @param places geographic names that contain an actor's name without naming it ("Gulf of Finland", "Sea of Japan")
 */
public record ActorsConfig(
    String asOf,
    List<StateEntry> states,
    List<ActorEntry> actors,
    List<String> titles,
    List<String> roleWords,
    List<String> notNames,
    List<String> places) {

  public ActorsConfig {
    states = states == null ? List.of() : List.copyOf(states);
    actors = actors == null ? List.of() : List.copyOf(actors);
    titles = titles == null ? List.of() : List.copyOf(titles);
    roleWords = roleWords == null ? List.of() : List.copyOf(roleWords);
    notNames = notNames == null ? List.of() : List.copyOf(notNames);
    places = places == null ? List.of() : List.copyOf(places);
  }

  /**
   * A state: ISO 3166-1 alpha-3 id, names, demonyms and the capitals used as metonyms for its government.
   *
   * @param personName the name is also a common given name ("Jordan", "Chad"), so it is rejected next to another
   *     capitalised name
   * @param notAfter words after which an abbreviation is an ordinary word ("let" before "US")
   */
  public record StateEntry(
      String id,
      String name,
      List<String> aliases,
      List<String> abbreviations,
      List<String> demonyms,
      List<String> metonyms,
      List<String> shortNames,
      String wikidata,
      Boolean personName,
      List<String> notAfter) {}

  /**
   * Any other actor: a leader, official, organisation, armed force, state medium or non-state group.
   *
   * @param shortNames names that resolve only once the full name has appeared in the same article ("Kim")
   * @param asOf when this office holder was last checked, for people
   */
  public record ActorEntry(
      String id,
      String type,
      String name,
      String country,
      String role,
      List<String> aliases,
      List<String> abbreviations,
      List<String> metonyms,
      List<String> shortNames,
      String wikidata,
      String asOf,
      List<String> notAfter) {}
}
