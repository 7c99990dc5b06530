package org.watchfloor.feeds.parse;

import java.time.Instant;

/**
 * One entry of a feed or listing page.
 *
 * @param id the entry's stable id: its guid/id, else its link
 * @param link absolute link to the article, or null
 * @param title title, or null
 * @param summary summary text, or null
 * @param published published (or else updated) time, or null
 */
public record ParsedEntry(String id, String link, String title, String summary, Instant published) {}
