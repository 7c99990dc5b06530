package org.watchfloor.desk.live;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.watchfloor.desk.query.DeskFilter;
import org.watchfloor.indexer.search.TextQuery;
import org.watchfloor.model.EnrichedArticle;

/**
 * Fans live events out to the viewers of one desk instance, each through its own bounded queue: a viewer that falls
 * {@value #QUEUE} events behind is dropped (its page reconnects and reloads history), so a slow viewer never holds up
 * the others or the reader.
 */
public final class LiveHub {
  /** Events a viewer may fall behind before it is dropped. */
  public static final int QUEUE = 4096;

  /**
   * One event: its SSE name, its JSON, and for articles the article itself, which each viewer's filter reads.
   *
   * @param recordTime the Kafka record's timestamp, in epoch milliseconds
   */
  public record Event(String name, String json, EnrichedArticle article, long recordTime, byte[] frame) {
    public Event {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(json, "json");
    }

    /** An event whose server-sent-events frame is encoded once here, for every viewer to write as it is. */
    public Event(String name, String json, EnrichedArticle article, long recordTime) {
      this(name, json, article, recordTime,
          ("event: " + name + "\ndata: " + json + "\n\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private final CopyOnWriteArrayList<Viewer> viewers = new CopyOnWriteArrayList<>();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong droppedViewers = new AtomicLong();

  /** A viewer with its filter; close it when the connection ends. */
  public final class Viewer implements AutoCloseable {
    private final DeskFilter filter;
    private final TextQuery text;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean dropped;

    private Viewer(DeskFilter filter) {
      this.filter = filter;
      this.text = filter.textQuery();
    }

    boolean accepts(Event e) {
      return e.article() == null || filter.matches(e.article(), text);
    }

    /** The next event, or null after {@code millis} without one. */
    public Event poll(long millis) throws InterruptedException {
      return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Moves up to {@code max} waiting events into {@code into} without waiting. */
    public int drainTo(java.util.Collection<Event> into, int max) {
      return queue.drainTo(into, max);
    }

    /** Whether the hub dropped this viewer for falling behind. */
    public boolean dropped() {
      return dropped;
    }

    @Override
    public void close() {
      viewers.remove(this);
    }
  }

  /** Adds a viewer that will receive the events passing {@code filter} from now on. */
  public Viewer join(DeskFilter filter) {
    Viewer v = new Viewer(Objects.requireNonNull(filter, "filter"));
    viewers.add(v);
    return v;
  }

  /** Offers {@code e} to every viewer whose filter it passes. */
  public void publish(Event e) {
    published.incrementAndGet();
    for (Viewer v : viewers) {
      if (v.accepts(e) && !v.queue.offer(e)) {
        v.dropped = true;
        viewers.remove(v);
        droppedViewers.incrementAndGet();
      }
    }
  }

  public int viewers() {
    return viewers.size();
  }

  public long published() {
    return published.get();
  }

  public long droppedViewers() {
    return droppedViewers.get();
  }
}
