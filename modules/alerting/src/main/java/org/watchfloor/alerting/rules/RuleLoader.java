package org.watchfloor.alerting.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.samskivert.mustache.MustacheException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.model.Dyad;
import org.watchfloor.model.config.Durations;
import org.watchfloor.model.config.NearestKey;
import org.watchfloor.model.config.YamlFiles;

/**
 * Reads a rules file (or one rule sent as JSON), substitutes {@code ${ENV}} references, validates every rule and
 * compiles the valid ones; a bad rule becomes a {@link RuleProblem} naming the rule and the field while the others load.
 */
public final class RuleLoader {
  public static final String FILE = "alert-rules.yaml";

  public static final String MATCH = "match";
  public static final String FREQUENCY = "frequency";
  public static final String SPIKE = "spike";
  public static final String TENSION_RISE = "tension_rise";
  public static final String NEW_ACTOR = "new_actor";
  public static final String FLATLINE = "flatline";
  public static final List<String> TYPES = List.of(MATCH, FREQUENCY, SPIKE, TENSION_RISE, NEW_ACTOR, FLATLINE);

  public static final String GROUP_NONE = "none";
  public static final String GROUP_ACTOR = "actor";
  public static final String GROUP_DYAD = "dyad";
  public static final String GROUP_SOURCE = "source";
  public static final String GROUP_TOPIC = "topic";
  public static final List<String> GROUPS = List.of(GROUP_NONE, GROUP_ACTOR, GROUP_DYAD, GROUP_SOURCE, GROUP_TOPIC);

  private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
  private static final Set<String> TOP_LEVEL = Set.of("channels", "rules", "silences");

  private final Map<String, String> env;

  public RuleLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** A loader that substitutes from the process environment. */
  public static RuleLoader withSystemEnv() {
    return new RuleLoader(System.getenv());
  }

  public RuleSet load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return failed(file.toString(), "file not found");
    } catch (IOException e) {
      return failed(file.toString(), "cannot read: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  public RuleSet parse(String yaml, String name) {
    JsonNode root;
    try {
      root = YamlFiles.YAML.readTree(substitute(yaml));
    } catch (JsonProcessingException e) {
      return failed(name, "not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return failed(name, "file is empty");
    }
    if (!root.isObject()) {
      return failed(name, "expected a mapping with channels, rules and silences");
    }
    List<RuleProblem> problems = new ArrayList<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!TOP_LEVEL.contains(field)) {
        problems.add(new RuleProblem(name, null, field, NearestKey.reason(field, TOP_LEVEL)));
      }
    }
    Map<String, ChannelSpec> channels = channels(root.get("channels"), name, problems);
    List<SilenceSpec> silences = silences(root.get("silences"), name, problems);
    List<Rule> rules = new ArrayList<>();
    JsonNode list = root.get("rules");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        problems.add(new RuleProblem(name, null, "rules", "expected a list of rules"));
      } else {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
          JsonNode node = list.get(i);
          String label = label(node, i);
          List<RuleProblem> ruleProblems = new ArrayList<>();
          Rule rule = compile(node, label, name, channels, ruleProblems);
          if (rule != null && !ids.add(rule.id())) {
            ruleProblems.add(new RuleProblem(name, label, "id", "duplicate rule id"));
            rule = null;
          }
          problems.addAll(ruleProblems);
          if (rule != null && rule.spec().isEnabled()) {
            rules.add(rule);
          }
        }
      }
    }
    return new RuleSet(rules, silences, channels, problems);
  }

  /**
   * Compiles one rule from JSON or YAML (a rules-topic record), checking channel names against {@code channels}; the
   * problems list receives the reasons when the result is null.
   */
  public Rule parseRule(byte[] json, String origin, Map<String, ChannelSpec> channels, List<RuleProblem> problems) {
    JsonNode node;
    try {
      node = YamlFiles.YAML.readTree(substitute(new String(json, StandardCharsets.UTF_8)));
    } catch (JsonProcessingException e) {
      problems.add(new RuleProblem(origin, null, null, "not valid JSON: " + e.getOriginalMessage()));
      return null;
    }
    return compile(node, label(node, 0), origin, channels, problems);
  }

  private static String label(JsonNode node, int index) {
    JsonNode id = node == null ? null : node.get("id");
    return id != null && id.isTextual() && !id.asText().isBlank() ? "rule '" + id.asText() + "'"
        : "rules[" + index + "]";
  }

  private Rule compile(JsonNode node, String label, String file, Map<String, ChannelSpec> channels,
      List<RuleProblem> problems) {
    if (node == null || !node.isObject()) {
      problems.add(new RuleProblem(file, label, null, "expected a mapping"));
      return null;
    }
    RuleSpec spec;
    try {
      spec = YamlFiles.YAML.treeToValue(node, RuleSpec.class);
    } catch (JsonMappingException e) {
      problems.add(new RuleProblem(file, label, YamlFiles.pathOf(e), YamlFiles.reason(e)));
      return null;
    } catch (JsonProcessingException e) {
      problems.add(new RuleProblem(file, label, null, firstLine(e.getOriginalMessage())));
      return null;
    }
    Check c = new Check(file, label, problems);
    return compile(spec, channels, c);
  }

  private static Rule compile(RuleSpec s, Map<String, ChannelSpec> channels, Check c) {
    int before = c.problems.size();
    if (s.id() == null || !ID.matcher(s.id()).matches()) {
      c.fail("id", "is required: 1-100 letters, digits, '_', '.', ':' or '-'");
    }
    if (s.type() == null || !TYPES.contains(s.type())) {
      c.fail("type", "must be one of " + TYPES + ", got " + s.type());
    }
    String group = s.groupBy() == null ? GROUP_NONE : s.groupBy();
    if (!GROUPS.contains(group)) {
      c.fail("group_by", "must be one of " + GROUPS + ", got " + group);
    }
    FilterSpec f = s.filter() == null ? FilterSpec.ANY : s.filter();
    for (String d : f.dyads()) {
      if (!Dyad.isKey(d)) {
        c.fail("filter.dyads", "'" + d + "' must be written SOURCE>TARGET, e.g. PRK>KOR");
      }
    }
    if (f.minTopicScore() != null && (f.minTopicScore() < 0 || f.minTopicScore() > 1)) {
      c.fail("filter.min_topic_score", "must be between 0 and 1");
    }
    if (f.minScore() != null && (f.minScore() < 0 || f.minScore() > 100)) {
      c.fail("filter.min_score", "must be between 0 and 100");
    }
    Duration realert = c.duration("realert", s.realert(), false);
    Duration digest = c.duration("digest", s.digest(), false);
    Duration window = c.duration("window", s.window(), needs(s, FREQUENCY, SPIKE, TENSION_RISE));
    Duration baseline = c.duration("baseline", s.baseline(), needs(s, SPIKE));
    Duration lookback = c.duration("lookback", s.lookback(), needs(s, NEW_ACTOR));
    Duration warmup = c.duration("warmup", s.warmup(), false);
    Duration quiet = c.duration("quiet", s.quiet(), needs(s, FLATLINE));
    if (FREQUENCY.equals(s.type()) && (s.threshold() == null || s.threshold() < 1)) {
      c.fail("threshold", "a frequency rule needs a threshold of at least 1");
    }
    if (SPIKE.equals(s.type())) {
      if (s.factor() != null && s.factor() < 1) {
        c.fail("factor", "must be at least 1");
      }
      if (window != null && baseline != null && baseline.compareTo(window) < 0) {
        c.fail("baseline", "must be at least as long as the window");
      }
    }
    if (s.minCount() != null && s.minCount() < 1) {
      c.fail("min_count", "must be at least 1");
    }
    if (TENSION_RISE.equals(s.type()) && s.level() == null && s.delta() == null) {
      c.fail("level", "a tension_rise rule needs a level, a delta, or both");
    }
    if (s.delta() != null && s.delta() <= 0) {
      c.fail("delta", "must be positive");
    }
    if (FLATLINE.equals(s.type()) && !(GROUP_SOURCE.equals(group) || GROUP_TOPIC.equals(group)
        || GROUP_NONE.equals(group))) {
      c.fail("group_by", "a flatline rule watches a source, a topic or the whole filtered stream");
    }
    for (String ch : s.channels()) {
      if (!ChannelSpec.LOG.equals(ch) && !channels.containsKey(ch)) {
        c.fail("channels", "unknown or invalid channel '" + ch + "' (define it under channels:)");
      }
    }
    c.template("title", s.title());
    c.template("template", s.template());
    if (c.problems.size() > before) {
      return null;
    }
    int minCount = s.minCount() == null ? 1 : s.minCount();
    switch (s.type()) {
      case MATCH:
        return new MatchRule(s, realert, digest);
      case FREQUENCY:
        return new FrequencyRule(s, realert, digest, window, s.threshold());
      case SPIKE:
        return new SpikeRule(s, realert, digest, window, baseline, s.factor() == null ? 3.0 : s.factor(), minCount);
      case TENSION_RISE:
        return new TensionRiseRule(s, realert, digest, window, s.level(), s.delta(), minCount);
      case NEW_ACTOR:
        return new NewActorRule(s, realert, digest, lookback, warmup);
      default:
        return new FlatlineRule(s, realert, digest, quiet);
    }
  }

  private static boolean needs(RuleSpec s, String... types) {
    return List.of(types).contains(s.type());
  }

  private Map<String, ChannelSpec> channels(JsonNode node, String file, List<RuleProblem> problems) {
    Map<String, ChannelSpec> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      problems.add(new RuleProblem(file, null, "channels", "expected a mapping of channel name to channel"));
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String label = "channel '" + e.getKey() + "'";
      ChannelSpec ch;
      try {
        ch = YamlFiles.YAML.treeToValue(e.getValue(), ChannelSpec.class);
      } catch (JsonMappingException ex) {
        problems.add(new RuleProblem(file, label, YamlFiles.pathOf(ex), YamlFiles.reason(ex)));
        continue;
      } catch (JsonProcessingException ex) {
        problems.add(new RuleProblem(file, label, null, firstLine(ex.getOriginalMessage())));
        continue;
      }
      Check c = new Check(file, label, problems);
      int before = problems.size();
      if (ch == null || ch.type() == null || !ChannelSpec.TYPES.contains(ch.type())) {
        c.fail("type", "must be one of " + ChannelSpec.TYPES);
      } else if ((ChannelSpec.WEBHOOK.equals(ch.type()) || ChannelSpec.SLACK.equals(ch.type()))
          && (ch.url() == null || !ch.url().matches("https?://.+"))) {
        c.fail("url", "must be an http(s) URL, got '" + (ch.url() == null ? "" : ch.url())
            + "' (is its environment variable set?)");
      } else if (ChannelSpec.EMAIL.equals(ch.type()) && ch.to().isEmpty()) {
        c.fail("to", "an email channel needs at least one recipient");
      }
      if (ch != null) {
        c.template("template", ch.template());
      }
      if (problems.size() == before) {
        out.put(e.getKey(), ch);
      }
    }
    return out;
  }

  private static List<SilenceSpec> silences(JsonNode node, String file, List<RuleProblem> problems) {
    List<SilenceSpec> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      problems.add(new RuleProblem(file, null, "silences", "expected a list of silences"));
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      String label = "silences[" + i + "]";
      try {
        SilenceSpec s = YamlFiles.YAML.treeToValue(node.get(i), SilenceSpec.class);
        if (s == null || s.rule() == null || s.rule().isBlank()) {
          problems.add(new RuleProblem(file, label, "rule", "is required (a rule id or *)"));
        } else if (s.until() == null) {
          problems.add(new RuleProblem(file, label, "until", "is required (an ISO-8601 instant)"));
        } else {
          out.add(s);
        }
      } catch (JsonMappingException e) {
        problems.add(new RuleProblem(file, label, YamlFiles.pathOf(e), YamlFiles.reason(e)));
      } catch (JsonProcessingException e) {
        problems.add(new RuleProblem(file, label, null, firstLine(e.getOriginalMessage())));
      }
    }
    return out;
  }

  /** Replaces {@code ${NAME}} and {@code ${NAME:-default}} with environment values; unset names become empty. */
  public String substitute(String text) {
    Matcher m = ENV.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = env.get(m.group(1));
      if (value == null || value.isEmpty()) {
        value = m.group(2) == null ? "" : m.group(2);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static RuleSet failed(String file, String reason) {
    return new RuleSet(List.of(), List.of(), Map.of(), List.of(new RuleProblem(file, null, null, reason)));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Collects problems for one rule or channel. */
  private static final class Check {
    final String file;
    final String label;
    final List<RuleProblem> problems;

    Check(String file, String label, List<RuleProblem> problems) {
      this.file = file;
      this.label = label;
      this.problems = problems;
    }

    void fail(String field, String reason) {
      problems.add(new RuleProblem(file, label, field, reason));
    }

    Duration duration(String field, String value, boolean required) {
      if (value == null || value.isBlank()) {
        if (required) {
          fail(field, "is required for this rule type (e.g. 15m, 1h, 7d)");
        }
        return null;
      }
      try {
        Duration d = Durations.parse(value);
        if (d.isNegative() || d.isZero()) {
          fail(field, "must be positive");
          return null;
        }
        return d;
      } catch (RuntimeException e) {
        fail(field, e.getMessage());
        return null;
      }
    }

    void template(String field, String template) {
      if (template == null) {
        return;
      }
      try {
        Rule.MUSTACHE.compile(template);
      } catch (MustacheException e) {
        fail(field, "not a valid Mustache template: " + e.getMessage());
      }
    }
  }
}
