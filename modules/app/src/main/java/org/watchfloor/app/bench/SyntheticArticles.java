package org.watchfloor.app.bench;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.watchfloor.model.RawArticle;

/**
 * Deterministic, realistic-looking raw articles for the benchmark and the fault suite: 1-8 KB of text naming actors,
 * topics and tension words, every {@code markerEvery}-th one from the marker source that the benchmark's alert rule
 * matches.
 */
public final class SyntheticArticles {
  /** The source name of articles the benchmark's alert rule matches. */
  public static final String MARKER_SOURCE = "bench-marker";

  private static final String[] ACTORS = {
    "North Korea", "Pyongyang", "Kim Jong Un", "South Korea", "Seoul", "Japan", "Tokyo", "the United States",
    "Washington", "China", "Beijing", "Russia", "Moscow", "Taiwan", "the United Nations", "the Security Council"
  };
  private static final String[] EVENTS = {
    "fired a ballistic missile into the East Sea", "launched an intercontinental ballistic missile",
    "held joint military exercises with", "condemned the missile test by", "imposed new sanctions on",
    "vetoed a resolution on", "sent troops to fight alongside", "warned of retaliation against",
    "held talks with", "agreed to resume dialogue with", "deployed artillery near the border with",
    "threatened a nuclear strike against", "signed a trade agreement with", "expelled diplomats from",
    "accused of cyber attacks", "shelled positions held by"
  };
  private static final String[] FILLER = {
    "Officials said the situation remained fluid and that more details would follow.",
    "Analysts noted that the move came days after a round of diplomatic contacts in the region.",
    "The defence ministry said it was monitoring developments closely with its allies.",
    "State media carried a statement describing the action as a legitimate exercise of sovereignty.",
    "Markets in the region reacted calmly, with the currency little changed by midday.",
    "Residents near the coast reported hearing nothing unusual, according to local broadcasters.",
    "A spokesperson declined to comment on intelligence matters but stressed readiness.",
    "The foreign ministry summoned the ambassador to lodge a formal protest."
  };
  private static final String[] SOURCES = {"yonhap-sim", "kyodo-sim", "reuters-sim", "nknews-sim", "ap-sim"};

  private final String runId;
  private final int markerEvery;
  private final long seed;

  public SyntheticArticles(String runId, int markerEvery, long seed) {
    this.runId = runId;
    this.markerEvery = markerEvery;
    this.seed = seed;
  }

  /** The id of the {@code n}-th article of this run. */
  public String id(long n) {
    return runId + "-" + n;
  }

  /** Whether the {@code n}-th article comes from the marker source. */
  public boolean isMarker(long n) {
    return markerEvery > 0 && n % markerEvery == 0;
  }

  /** The {@code n}-th article; the same n always gives the same text. */
  public RawArticle article(long n) {
    SplittableRandom r = new SplittableRandom(seed * 31 + n);
    String a = ACTORS[r.nextInt(ACTORS.length)];
    String b = ACTORS[r.nextInt(ACTORS.length)];
    String event = EVENTS[r.nextInt(EVENTS.length)];
    String title = capitalise(a) + " " + event + " " + b + " (" + n + ")";
    int target = 1024 + r.nextInt(7 * 1024);
    StringBuilder text = new StringBuilder(target + 256);
    text.append(capitalise(a)).append(' ').append(event).append(' ').append(b).append(" on ")
        .append(DAYS[r.nextInt(DAYS.length)]).append(", report number ").append(n).append(". ");
    while (text.length() < target) {
      if (r.nextInt(4) == 0) {
        text.append(capitalise(ACTORS[r.nextInt(ACTORS.length)])).append(' ').append(EVENTS[r.nextInt(EVENTS.length)])
            .append(' ').append(ACTORS[r.nextInt(ACTORS.length)]).append(". ");
      } else {
        text.append(FILLER[r.nextInt(FILLER.length)]).append(' ');
      }
    }
    String id = id(n);
    String source = isMarker(n) ? MARKER_SOURCE : SOURCES[r.nextInt(SOURCES.length)];
    Instant now = Instant.now();
    return new RawArticle(RawArticle.VERSION, id, "https://" + source + ".example/news/" + id, null, source, "asia",
        List.of("world"), title, text.toString(), List.of("Staff reporter"), now, null, now, "en", null, source,
        RawArticle.FROM_PAGE);
  }

  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
