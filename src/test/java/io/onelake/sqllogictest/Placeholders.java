/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in SQL and expected text with values the suite supplies, such as the catalog name
 * a backend uses. An unknown name is an error rather than left alone, so a typo cannot hide in a test.
 */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  private final Map<String, String> values;

  public Placeholders(Map<String, String> values) {
    this.values = Map.copyOf(requireNonNull(values, "values"));
  }

  /**
   * Returns {@code text} with every placeholder replaced.
   *
   * @throws IllegalArgumentException naming the placeholder if it has no value
   */
  public String substitute(String text) {
    requireNonNull(text, "text");
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException(
            "unknown placeholder ${" + name + "}; known: " + new TreeSet<>(values.keySet()));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
