package org.watchfloor.enricher.story;

/**
 * Splits a 64-bit SimHash into {@code maxDistance + 1} bands: by the pigeonhole principle two fingerprints within
 * {@code maxDistance} bits of each other agree exactly on at least one band, so looking up the bands finds every
 * candidate.
 */
public final class FingerprintBands {
  private final int bands;
  private final int width;

  public FingerprintBands(int maxDistance) {
    if (maxDistance < 0 || maxDistance > 15) {
      throw new IllegalArgumentException("maxDistance must be within 0..15, got " + maxDistance);
    }
    this.bands = maxDistance + 1;
    this.width = (int) Math.ceil(64.0 / bands);
  }

  public int count() {
    return bands;
  }

  /** The lookup keys of a fingerprint, one per band: band number and the band's bits. */
  public String[] keys(long fingerprint) {
    String[] keys = new String[bands];
    for (int i = 0; i < bands; i++) {
      int shift = i * width;
      int bits = Math.min(width, 64 - shift);
      long mask = bits == 64 ? -1L : (1L << bits) - 1;
      keys[i] = i + ":" + Long.toHexString((fingerprint >>> shift) & mask);
    }
    return keys;
  }

  /** Number of differing bits. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }
}
