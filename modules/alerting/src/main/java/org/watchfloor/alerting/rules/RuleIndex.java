package org.watchfloor.alerting.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.watchfloor.model.Dyad;

/**
 * Finds the rules worth trying on an article without trying them all: each rule is indexed under the actors (or,
 * failing those, the topics) its filter requires, and only rules without such a requirement are tried on every article.
 */
public final class RuleIndex {
  private final List<Rule> rules;
  private final Map<String, int[]> byActor;
  private final Map<String, int[]> byTopic;
  private final int[] always;

  public RuleIndex(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Map<String, List<Integer>> actors = new HashMap<>();
    Map<String, List<Integer>> topics = new HashMap<>();
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < this.rules.size(); i++) {
      ArticleFilter f = this.rules.get(i).filter();
      Set<String> required = requiredActors(f);
      if (!required.isEmpty()) {
        for (String a : required) {
          actors.computeIfAbsent(a, k -> new ArrayList<>()).add(i);
        }
      } else if (!f.topics().isEmpty()) {
        for (String t : f.topics()) {
          topics.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
        }
      } else {
        rest.add(i);
      }
    }
    this.byActor = toArrays(actors);
    this.byTopic = toArrays(topics);
    this.always = rest.stream().mapToInt(Integer::intValue).toArray();
  }

  /** One actor of which the article must name at least one, or an empty set when the filter requires none. */
  private static Set<String> requiredActors(ArticleFilter f) {
    if (!f.actors().isEmpty()) {
      return f.actors();
    }
    if (!f.allActors().isEmpty()) {
      return Set.of(f.allActors().iterator().next());
    }
    if (!f.dyads().isEmpty()) {
      Set<String> sources = new java.util.HashSet<>();
      for (String d : f.dyads()) {
        sources.add(Dyad.sourceOf(d));
      }
      return sources;
    }
    return Set.of();
  }

  private static Map<String, int[]> toArrays(Map<String, List<Integer>> m) {
    Map<String, int[]> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The rules that may match the article, in file order; each still has to pass its full filter. */
  public List<Rule> candidates(ArticleFacts a) {
    int n = always.length;
    int[][] lists = new int[a.actors().size() + a.topics().size()][];
    int k = 0;
    for (String actor : a.actors()) {
      int[] l = byActor.get(actor);
      if (l != null) {
        lists[k++] = l;
        n += l.length;
      }
    }
    for (String topic : a.topics().keySet()) {
      int[] l = byTopic.get(topic);
      if (l != null) {
        lists[k++] = l;
        n += l.length;
      }
    }
    int[] picked = new int[n];
    System.arraycopy(always, 0, picked, 0, always.length);
    int p = always.length;
    for (int i = 0; i < k; i++) {
      System.arraycopy(lists[i], 0, picked, p, lists[i].length);
      p += lists[i].length;
    }
    Arrays.sort(picked);
    List<Rule> out = new ArrayList<>(n);
    int last = -1;
    for (int idx : picked) {
      if (idx != last) {
        out.add(rules.get(idx));
        last = idx;
      }
    }
    return out;
  }
}
