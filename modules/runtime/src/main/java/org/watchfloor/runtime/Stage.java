package org.watchfloor.runtime;

/**
 * A running pipeline stage: started once, closed once, safe to close from a shutdown hook. Stages expect the
 * pipeline's topics to exist: the launcher creates them ({@link TopicSetup}) before any stage.
 */
public interface Stage extends AutoCloseable {
  String name();

  /** Starts the stage's threads and returns; failures to start are thrown. */
  void start();

  /** Stops the stage, committing what it has done, and waits for its threads. */
  @Override
  void close();
}
