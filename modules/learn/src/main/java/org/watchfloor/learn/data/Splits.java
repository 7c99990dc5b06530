package org.watchfloor.learn.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The locked split of the real-news set. Articles about one event (the same {@code story} label) and near-duplicate
 * texts (syndicated copies: a Jaccard similarity of word 4-shingles of at least 0.5) form one group, and a group
 * lies wholly on one side: test when the SHA-1 of its key (its smallest story label) is 0 modulo 3, else train.
 * Once written, a side never changes: a later round's new article joins its group's side, or is placed by its own.
 */
public final class Splits {
  private Splits() {}

  public static final String TRAIN = "train";
  public static final String TEST = "test";

  /** One row of the split file. */
  public record Assignment(String id, String side, String group) {}

  /** The groups of articles: key is the group's smallest story label, value its article ids. */
  public static Map<String, List<String>> groups(List<LabelledArticle> articles) {
    int n = articles.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> byStory = new HashMap<>();
    List<Set<Long>> shingles = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      LabelledArticle a = articles.get(i);
      Integer first = byStory.putIfAbsent(a.story(), i);
      if (first != null) {
        union(parent, first, i);
      }
      shingles.add(shingles(a.title() + " " + a.text()));
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (jaccard(shingles.get(i), shingles.get(j)) >= 0.5) {
          union(parent, i, j);
        }
      }
    }
    Map<Integer, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      members.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (List<Integer> m : members.values()) {
      String key = m.stream().map(i -> articles.get(i).story()).sorted().findFirst().orElseThrow();
      out.put(key, m.stream().map(i -> articles.get(i).id()).toList());
    }
    return out;
  }

  /**
   * The split of {@code articles}, keeping every side already in {@code locked}; returns one assignment per article,
   * in the articles' order.
   */
  public static List<Assignment> assign(List<LabelledArticle> articles, Map<String, Assignment> locked) {
    Map<String, Assignment> byId = new HashMap<>();
    for (Map.Entry<String, List<String>> g : groups(articles).entrySet()) {
      String side = null;
      for (String id : g.getValue()) {
        Assignment old = locked.get(id);
        if (old != null) {
          side = old.side();
          break;
        }
      }
      if (side == null) {
        side = sideOf(g.getKey());
      }
      for (String id : g.getValue()) {
        Assignment old = locked.get(id);
        byId.put(id, old != null ? old : new Assignment(id, side, g.getKey()));
      }
    }
    return articles.stream().map(a -> byId.get(a.id())).toList();
  }

  static String sideOf(String groupKey) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-1").digest(groupKey.getBytes(StandardCharsets.UTF_8));
      int v = ((d[0] & 0xff) << 8) | (d[1] & 0xff);
      return v % 3 == 0 ? TEST : TRAIN;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, Assignment> read(Path file) {
    Map<String, Assignment> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
          continue;
        }
        String[] f = line.split("\t");
        out.put(f[0], new Assignment(f[0], f[1], f.length > 2 ? f[2] : f[0]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return out;
  }

  public static void write(Path file, List<Assignment> assignments) {
    StringBuilder sb = new StringBuilder();
    sb.append("# The locked split of the real-news set (watchfloor model split). A side never changes once written.\n");
    sb.append("id\tside\tgroup\n");
    assignments.stream().sorted(java.util.Comparator.comparing(Assignment::id))
        .forEach(a -> sb.append(a.id()).append('\t').append(a.side()).append('\t').append(a.group()).append('\n'));
    try {
      Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static Set<Long> shingles(String text) {
    String[] w = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    Set<Long> out = new HashSet<>();
    for (int i = 0; i + 4 <= w.length; i++) {
      long h = 1125899906842597L;
      for (int k = i; k < i + 4; k++) {
        h = 31 * h + w[k].hashCode();
      }
      out.add(h);
    }
    return out;
  }

  private static double jaccard(Set<Long> a, Set<Long> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (Long x : a.size() < b.size() ? a : b) {
      if ((a.size() < b.size() ? b : a).contains(x)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }

  private static int find(int[] p, int i) {
    while (p[i] != i) {
      p[i] = p[p[i]];
      i = p[i];
    }
    return i;
  }

  private static void union(int[] p, int a, int b) {
    int ra = find(p, a);
    int rb = find(p, b);
    if (ra != rb) {
      p[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
