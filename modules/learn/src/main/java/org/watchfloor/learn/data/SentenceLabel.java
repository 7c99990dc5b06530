package org.watchfloor.learn.data;

import java.util.Set;

/**
 * A labelled sentence: its span in the article's document (the title, a line break, the text), the hash of its text
 * when it was labelled, its event class ({@code none}, {@code vcp}, {@code mcp}, {@code vcf}, {@code mcf}: PLOVER quad
 * classes), the level it supports alone (0 LOW to 4 SEVERE) and its context flags ({@code act} or {@code rhet}, and
 * any of {@code neg}, {@code hedge}, {@code bg}).
 */
public record SentenceLabel(int index, int start, int end, String sha1, String eventClass, int severity,
    Set<String> flags) {
  public SentenceLabel {
    flags = Set.copyOf(flags);
  }

  public boolean has(String flag) {
    return flags.contains(flag);
  }
}
