package org.watchfloor.enricher.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.watchfloor.model.StoryUpdate;

/**
 * Decides stories from matches, keyed by article id, so that each article's story lives on one partition:
 * <ul>
 *   <li>a {@code match} (keyed by the original) records the copy as the original's follower and answers with a
 *       {@code link} (keyed by the copy) carrying the original's story, its own id while it has none;</li>
 *   <li>a {@code link} (keyed by the copy) that beats the copy's current one sets the copy's story, emits a
 *       {@link StoryUpdate}, and passes the story on to the copy's own followers.</li>
 * </ul>
 * Copies always point to earlier articles, so the links form no cycle and every story settles on its earliest
 * article's id, however the articles were spread over partitions and instances.
 */
public final class StoryLinker implements Processor<String, StoryMessage, String, StoryLinker.Output> {
  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(15);
  /** The copies of one article told of its story changes; a wire story copied more often tells its latest ones. */
  static final int MAX_FOLLOWERS = 256;

  /** A link for the links topic, or an update for the stories topic. */
  public record Output(StoryMessage link, StoryUpdate update) {
    public boolean isLink() {
      return link != null;
    }
  }

  private final String storeName;
  private final long windowMs;
  private ProcessorContext<String, Output> context;
  private KeyValueStore<String, StoryNode> nodes;
  private long maxEventTime = Long.MIN_VALUE;

  public StoryLinker(String storeName, Duration window) {
    this.storeName = storeName;
    this.windowMs = window.toMillis();
  }

  @Override
  public void init(ProcessorContext<String, Output> context) {
    this.context = context;
    this.nodes = context.getStateStore(storeName);
    context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
  }

  @Override
  public void process(Record<String, StoryMessage> record) {
    StoryMessage m = Objects.requireNonNull(record.value(), "story message");
    maxEventTime = Math.max(maxEventTime, m.copy().eventTime());
    if (m.isMatch()) {
      onMatch(record.key(), m, record.timestamp());
    } else {
      onLink(record.key(), m, record.timestamp());
    }
  }

  private void onMatch(String originalId, StoryMessage m, long timestamp) {
    StoryNode node = nodes.get(originalId);
    if (node == null) {
      node = StoryNode.fresh(m.originalTime());
    }
    node = node.withFollower(m.copy(), m.distance(), MAX_FOLLOWERS);
    nodes.put(originalId, node);
    StoryMessage link = StoryMessage.link(m.copy(), originalId, node.eventTime(), node.storyOf(originalId),
        m.distance());
    context.forward(new Record<>(m.copy().id(), new Output(link, null), timestamp));
  }

  private void onLink(String copyId, StoryMessage m, long timestamp) {
    StoryNode node = nodes.get(copyId);
    if (node == null) {
      node = StoryNode.fresh(m.copy().eventTime());
    }
    if (!node.accepts(m.original(), m.distance(), m.originalTime())) {
      return;
    }
    if (m.storyId().equals(node.storyId()) && m.original().equals(node.duplicateOf())
        && m.distance() == node.distance()) {
      return;
    }
    node = node.withStory(m.storyId(), m.original(), m.distance(), m.originalTime());
    nodes.put(copyId, node);
    StoryCandidate c = m.copy();
    StoryUpdate update = new StoryUpdate(StoryUpdate.VERSION, copyId, m.storyId(), m.original(), m.distance(),
        instant(c.published()), instant(c.fetchedAt()), instant(c.enrichedAt()));
    context.forward(new Record<>(copyId, new Output(null, update), timestamp));
    for (StoryNode.Follower f : node.followers()) {
      StoryMessage link = StoryMessage.link(f.copy(), copyId, node.eventTime(), m.storyId(), f.distance());
      context.forward(new Record<>(f.copy().id(), new Output(link, null), timestamp));
    }
  }

  private static Instant instant(long millis) {
    return millis == StoryCandidate.NONE ? null : Instant.ofEpochMilli(millis);
  }

  private void sweep() {
    if (maxEventTime == Long.MIN_VALUE) {
      return;
    }
    long horizon = maxEventTime - 2 * windowMs;
    List<String> stale = new ArrayList<>();
    try (KeyValueIterator<String, StoryNode> it = nodes.all()) {
      while (it.hasNext()) {
        KeyValue<String, StoryNode> kv = it.next();
        if (kv.value.eventTime() < horizon) {
          stale.add(kv.key);
        }
      }
    }
    stale.forEach(nodes::delete);
  }
}
