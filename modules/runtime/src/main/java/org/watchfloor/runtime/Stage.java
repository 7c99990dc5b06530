package org.watchfloor.runtime;

/**
 * A running pipeline stage: started once, closed once, safe to close from a shutdown hook. Stages expect the
 * pipeline's topics to exist: the launcher creates them ({@link TopicSetup}) before any stage.
 */
public interface Stage extends AutoCloseable {
  String name();

  /** Starts the stage's threads and returns; failures to start are thrown. */
  void start();

  /**
   * Whether the stage does its work: its consumers have partitions assigned and its stores are restored (a Kafka
   * Streams stage is RUNNING). Served as readiness on {@code /health}; safe to call from any thread.
   */
  default boolean ready() {
    return true;
  }

  /** Stops the stage, committing what it has done, and waits for its threads. */
  @Override
  void close();
}
