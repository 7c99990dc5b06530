package org.watchfloor.alerting.rules;

/** Why a rule (or a channel or silence) was rejected, naming it and the field at fault. */
public record RuleProblem(String file, String rule, String field, String reason) {
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file).append(": ");
    }
    sb.append(rule == null ? "(file)" : rule);
    if (field != null && !field.isEmpty()) {
      sb.append(": ").append(field);
    }
    return sb.append(": ").append(reason).toString();
  }
}
