package org.watchfloor.app.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides when a warming pipeline has reached steady state: the enrich rate of the last {@code windows} windows lies
 * within {@code tolerance} of their mean, and, when the load is paced, that mean keeps up with the pace. Pure: fed
 * one window's rate at a time.
 */
final class SteadyState {
  private final int windows;
  private final double tolerance;
  private final double pace;
  private final List<Double> rates = new ArrayList<>();

  /**
   * @param windows how many recent windows must agree
   * @param tolerance the largest relative distance of a window from their mean, e.g. 0.1
   * @param pace the paced rate in articles per second, or 0 for as fast as possible
   */
  SteadyState(int windows, double tolerance, double pace) {
    if (windows < 2) {
      throw new IllegalArgumentException("at least two windows must agree");
    }
    this.windows = windows;
    this.tolerance = tolerance;
    this.pace = pace;
  }

  /** Adds one window's rate; returns whether the pipeline is now steady. */
  boolean add(double rate) {
    rates.add(rate);
    return steady();
  }

  boolean steady() {
    if (rates.size() < windows) {
      return false;
    }
    List<Double> last = rates.subList(rates.size() - windows, rates.size());
    double mean = last.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    if (mean <= 0) {
      return false;
    }
    for (double r : last) {
      if (Math.abs(r - mean) > tolerance * mean) {
        return false;
      }
    }
    return pace <= 0 || mean >= (1 - tolerance) * pace;
  }

  List<Double> rates() {
    return List.copyOf(rates);
  }
}
