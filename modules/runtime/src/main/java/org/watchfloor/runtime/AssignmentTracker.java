package org.watchfloor.runtime;

import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Readiness of a plain consumer: true once the group has given it its assignment (possibly empty, when there are more
 * instances than partitions), false again while a rebalance takes its partitions away. Wraps the stage's own listener.
 */
public final class AssignmentTracker implements ConsumerRebalanceListener {
  private final ConsumerRebalanceListener delegate;
  private volatile boolean assigned;

  public AssignmentTracker() {
    this(null);
  }

  public AssignmentTracker(ConsumerRebalanceListener delegate) {
    this.delegate = delegate;
  }

  /** Whether the consumer has joined its group and holds its assignment. */
  public boolean assigned() {
    return assigned;
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    if (delegate != null) {
      delegate.onPartitionsAssigned(partitions);
    }
    assigned = true;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    assigned = false;
    if (delegate != null) {
      delegate.onPartitionsRevoked(partitions);
    }
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    assigned = false;
    if (delegate != null) {
      delegate.onPartitionsLost(partitions);
    }
  }
}
