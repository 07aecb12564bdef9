/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import java.util.Locale;

/** How a {@code query} record's rows are ordered before they are compared. */
public enum SortMode {
  /** Compare in the order the database returned them; for queries with ORDER BY. */
  NOSORT,
  /** Sort the rows (as tab-joined text) on both sides: compares the rows as a multiset. */
  ROWSORT,
  /** Sort all single values on both sides: compares the values as a multiset, ignoring row boundaries. */
  VALUESORT;

  /** The keyword as written in a test file. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode for a keyword, or {@code null} if the word is not one. */
  static SortMode ofKeyword(String word) {
    for (SortMode mode : values()) {
      if (mode.keyword().equals(word)) {
        return mode;
      }
    }
    return null;
  }
}
