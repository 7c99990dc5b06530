package org.watchfloor.feeds.parse;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that an error message is written in words, not copied from a Java exception. */
final class PlainErrors {
  private PlainErrors() {}

  static void assertPlain(String message) {
    assertThat(message)
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("org.jdom2")
        .doesNotContain("com.rometools")
        .doesNotContain("com.fasterxml")
        .doesNotContain("Cannot invoke")
        .doesNotContain("because")
        // Jackson may quote the JSON token 'null' in a syntax error; an unquoted null is Java's.
        .doesNotContainPattern("(?<!')\\bnull\\b(?!')");
  }
}
