package org.watchfloor.alerting.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Fires for every article that passes the filter. */
public final class MatchRule extends Rule {
  MatchRule(RuleSpec spec, Duration realert, Duration digest) {
    super(spec, realert, digest, "{{rule_name}}: {{article_title}}",
        "[{{level}} {{score}}] {{article_title}}\n{{source}} {{article_url}}\nActors: {{actors}}");
  }

  @Override
  boolean statelessType() {
    return true;
  }

  @Override
  List<Draft> fire(RuleHit hit, RuleState state) {
    return List.of(alert(hit.articleId(), hit.key(), hit.level(), List.of(hit.articleId()), hit.actors(), 1,
        hit.eventTime(), hit.eventTime(), hit.eventTime(), hit, Map.of()));
  }
}
