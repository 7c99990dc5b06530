package org.watchfloor.enricher;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.classify.ArticleText;
import org.watchfloor.classify.Classification;
import org.watchfloor.classify.Classifier;
import org.watchfloor.model.ActorMention;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.Tension;
import org.watchfloor.model.TensionLevel;
import org.watchfloor.model.TopicScore;

/**
 * A deterministic classifier driven by markers in the text, so that tests choose actors, tension and fingerprints:
 * {@code PRK}, {@code KOR}, {@code USA} name actors, {@code PRK>KOR} a dyad, {@code [tension 70]} the score,
 * {@code ACT_X1} any further actor, {@code [fp 1f]} the fingerprint in hex, {@code [boom]} makes it throw.
 */
public final class TestClassifier implements Classifier {
  private static final Pattern TENSION = Pattern.compile("\\[tension (\\d+(?:\\.\\d+)?)]");
  private static final Pattern FP = Pattern.compile("\\[fp ([0-9a-f]+)]");
  private static final Pattern DYAD = Pattern.compile("\\b([A-Z]{3})>([A-Z]{3})\\b");
  private static final Pattern CODE = Pattern.compile("\\b(PRK|KOR|USA|JPN|ACT_[A-Z0-9]+)\\b");

  @Override
  public Classification classify(ArticleText t) {
    String all = t.title() + "\n" + t.text();
    if (all.contains("[boom]")) {
      throw new IllegalStateException("classifier cannot read this article");
    }
    java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    Matcher c = CODE.matcher(all);
    while (c.find()) {
      counts.merge(c.group(1), 1, Integer::sum);
    }
    List<ActorMention> actors = new ArrayList<>();
    counts.forEach((code, count) ->
        actors.add(new ActorMention(code, "STATE", code, null, code, count, List.of(code))));
    List<Dyad> dyads = new ArrayList<>();
    Matcher d = DYAD.matcher(all);
    while (d.find()) {
      dyads.add(new Dyad(d.group(1), d.group(2), "threaten", -7, d.group()));
    }
    Matcher m = TENSION.matcher(all);
    double score = m.find() ? Double.parseDouble(m.group(1)) : 0;
    Matcher f = FP.matcher(all);
    long fp = f.find() ? Long.parseUnsignedLong(f.group(1), 16) : 0L;
    return new Classification("en", actors, List.of(new TopicScore("military", 0.5, List.of("missile"))),
        new Tension(score, TensionLevel.of(score), -score / 10, List.of()), dyads, fp);
  }
}
