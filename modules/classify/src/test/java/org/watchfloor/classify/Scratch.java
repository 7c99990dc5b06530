package org.watchfloor.classify;

import org.watchfloor.model.Json;

/** Prints the classification of the arguments. */
public final class Scratch {
  public static void main(String[] args) {
    RuleClassifier c = ConfigDir.classifier();
    for (String a : args) {
      String[] parts = a.split("\\|", 2);
      RuleClassifier.Explained e = c.explain(new ArticleText(parts[0], parts.length > 1 ? parts[1] : "", null, null));
      System.out.println(Json.writeString(e));
    }
  }
}
