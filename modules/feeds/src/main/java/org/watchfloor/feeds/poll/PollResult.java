package org.watchfloor.feeds.poll;

import java.time.Duration;
import java.util.List;
import org.watchfloor.model.FeedEntry;

/**
 * The outcome of polling one source once.
 *
 * @param state the source's state to store
 * @param entries entries not seen before, oldest first
 * @param failure why the poll failed, or null
 * @param nextDelay when to poll again
 * @param notModified true when the server answered 304
 */
public record PollResult(FeedState state, List<FeedEntry> entries, PollFailure failure, Duration nextDelay,
    boolean notModified) {
  public PollResult {
    entries = List.copyOf(entries);
  }

  /**
   * A failed poll, ready for the dead-letter topic.
   *
   * @param errorClass the exception class name
   * @param reason short reason code, e.g. {@code HTTP_STATUS} or {@code MALFORMED_XML}
   * @param message the full message
   * @param url the URL that failed
   * @param body the body received, if any (a bad feed), else null
   * @param retryable whether the failure is worth a quick retry
   */
  public record PollFailure(String errorClass, String reason, String message, String url, byte[] body,
      boolean retryable) {}
}
