package org.watchfloor.enricher.story;

/**
 * Splits a 64-bit SimHash into {@code maxDistance + 1} bands: by the pigeonhole principle two fingerprints within
 * {@code maxDistance} bits of each other agree exactly on at least one band, so looking up the bands finds every
 * candidate.
 */
public final class FingerprintBands {
  private final int bands;
  /** Bit offset of each band, plus 64 at the end; widths differ by at most one bit. */
  private final int[] offsets;

  public FingerprintBands(int maxDistance) {
    if (maxDistance < 0 || maxDistance > 15) {
      throw new IllegalArgumentException("maxDistance must be within 0..15, got " + maxDistance);
    }
    this.bands = maxDistance + 1;
    this.offsets = new int[bands + 1];
    // spread the bits evenly: 7 bands are 10+9+9+9+9+9+9 bits, not six of 10 and a 4-bit band that every article shares
    for (int i = 0; i < bands; i++) {
      offsets[i + 1] = offsets[i] + 64 / bands + (i < 64 % bands ? 1 : 0);
    }
  }

  public int count() {
    return bands;
  }

  /** The lookup keys of a fingerprint, one per band: band number and the band's bits. */
  public String[] keys(long fingerprint) {
    String[] keys = new String[bands];
    for (int i = 0; i < bands; i++) {
      int shift = offsets[i];
      int bits = offsets[i + 1] - shift;
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
