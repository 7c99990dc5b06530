package org.watchfloor.model;

/** Five tension levels, from a 0-100 score. */
public enum TensionLevel {
  LOW, GUARDED, ELEVATED, HIGH, SEVERE;

  /** The level of a score: LOW below 20, GUARDED below 40, ELEVATED below 60, HIGH below 80, else SEVERE. */
  public static TensionLevel of(double score) {
    if (score < 20) {
      return LOW;
    }
    if (score < 40) {
      return GUARDED;
    }
    if (score < 60) {
      return ELEVATED;
    }
    if (score < 80) {
      return HIGH;
    }
    return SEVERE;
  }

  public boolean atLeast(TensionLevel other) {
    return compareTo(other) >= 0;
  }
}
