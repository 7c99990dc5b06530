package org.watchfloor.enricher.story;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A classified article on its way to the enriched topic, story grouping and trends: its enriched JSON, written once,
 * plus the few fields grouping and trends read, so that they never parse JSON. It stays inside the task that
 * classified it.
 *
 * <p>{@code json} is the enriched article without {@code story_id} and {@code duplicate_of}; {@link #enrichedJson()}
 * adds them.
 *
 * @param eventTime the article's event time ({@code EventTime}), epoch milliseconds
 * @param published the times the article's document is filed under, epoch milliseconds, or
 *     {@link StoryCandidate#NONE}
 * @param tension the tension score the trends average
 * @param trendKeys the aggregate keys the article counts toward ({@code actor|ID}, {@code dyad|A>B})
 */
public record Classified(String id, long fingerprint, long eventTime, double tension, List<String> trendKeys,
    byte[] json, long published, long fetchedAt, long enrichedAt, String storyId, String duplicateOf) {

  public Classified {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(json, "json");
    trendKeys = List.copyOf(trendKeys);
  }

  public Classified(String id, long fingerprint, long eventTime, double tension, List<String> trendKeys, byte[] json,
      long published, long fetchedAt, long enrichedAt) {
    this(id, fingerprint, eventTime, tension, trendKeys, json, published, fetchedAt, enrichedAt, null, null);
  }

  /** This article once grouping has decided its story. */
  public Classified withStory(String story, String copyOf) {
    return new Classified(id, fingerprint, eventTime, tension, trendKeys, json, published, fetchedAt, enrichedAt,
        Objects.requireNonNull(story, "story"), copyOf);
  }

  /**
   * The enriched JSON with {@code story_id} and, for a copy, {@code duplicate_of}: inserted before the closing brace
   * of the object, which the mapper wrote without them since they were null.
   */
  public byte[] enrichedJson() {
    if (storyId == null) {
      return json;
    }
    int end = json.length - 1;
    if (end < 1 || json[end] != '}') {
      throw new IllegalStateException("enriched JSON of " + id + " does not end with an object");
    }
    byte[] story = field("story_id", storyId);
    byte[] copy = duplicateOf == null ? new byte[0] : field("duplicate_of", duplicateOf);
    byte[] out = new byte[json.length + story.length + copy.length];
    System.arraycopy(json, 0, out, 0, end);
    System.arraycopy(story, 0, out, end, story.length);
    System.arraycopy(copy, 0, out, end + story.length, copy.length);
    out[out.length - 1] = '}';
    return out;
  }

  private static byte[] field(String name, String value) {
    byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(value);
    byte[] prefix = (",\"" + name + "\":\"").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[prefix.length + quoted.length + 1];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(quoted, 0, out, prefix.length, quoted.length);
    out[out.length - 1] = '"';
    return out;
  }

  /** What story grouping needs of this article. */
  public StoryCandidate candidate() {
    return new StoryCandidate(id, fingerprint, eventTime, published, fetchedAt, enrichedAt);
  }
}
