/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Brings expected and actual results into the same comparable shape: a list of lines, sorted as the record's
 * {@link SortMode} says. Both sides are sorted, so authors may write rowsort results in any order.
 *
 * <p>Trailing whitespace is dropped from every line (and, for valuesort, from every value) on both sides,
 * because editors strip or add it invisibly.
 */
public final class ResultLines {
  private ResultLines() {}

  /** The expected lines of a record (placeholders already replaced) in comparable form. */
  public static List<String> expected(List<String> lines, SortMode mode) {
    requireNonNull(lines, "lines");
    requireNonNull(mode, "mode");
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      if (mode == SortMode.VALUESORT) {
        for (String value : line.split("\t", -1)) {
          out.add(value.stripTrailing());
        }
      } else {
        out.add(line.stripTrailing());
      }
    }
    return sorted(out, mode);
  }

  /** The formatted rows a query returned, in comparable form. */
  public static List<String> actual(List<List<String>> rows, SortMode mode) {
    requireNonNull(rows, "rows");
    requireNonNull(mode, "mode");
    List<String> out = new ArrayList<>();
    for (List<String> row : rows) {
      if (mode == SortMode.VALUESORT) {
        for (String value : row) {
          out.add(value.stripTrailing());
        }
      } else {
        out.add(String.join("\t", row).stripTrailing());
      }
    }
    return sorted(out, mode);
  }

  private static List<String> sorted(List<String> lines, SortMode mode) {
    if (mode != SortMode.NOSORT) {
      Collections.sort(lines); // plain String order: the same on every machine and locale
    }
    return List.copyOf(lines);
  }
}
