package org.watchfloor.classify.actor;

/** One mention of an actor in the text: the token range it covers and its sentence. */
public record ActorHit(String id, String type, String country, int from, int to, int sentence) {}
