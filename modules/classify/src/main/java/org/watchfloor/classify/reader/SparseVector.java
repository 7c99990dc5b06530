package org.watchfloor.classify.reader;

import java.util.Arrays;

/** Feature ids with their values, in the order they were added; a repeated id counts once per add. */
public final class SparseVector {
  private int[] ids;
  private float[] values;
  private int size;

  public SparseVector(int capacity) {
    ids = new int[Math.max(4, capacity)];
    values = new float[ids.length];
  }

  public void add(int id, float value) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    ids[size] = id;
    values[size] = value;
    size++;
  }

  /** Multiplies every value added so far by {@code factor}. */
  public void scale(float factor) {
    for (int k = 0; k < size; k++) {
      values[k] *= factor;
    }
  }

  public int size() {
    return size;
  }

  public int id(int k) {
    return ids[k];
  }

  public float value(int k) {
    return values[k];
  }
}
