/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * {@code query <types> [sort] [label]}: the SQL's result must have one column per type letter and match the
 * expected lines.
 *
 * @param expectedLines the lines after {@code ----} as written (trailing whitespace removed, placeholders not yet
 *     replaced): one row per line, values separated by tabs
 */
public record QueryRecord(
    int line,
    List<BackendCondition> conditions,
    String sql,
    List<ColumnType> types,
    SortMode sortMode,
    Optional<String> label,
    List<String> expectedLines)
    implements SqlLogicTestRecord {
  public QueryRecord {
    conditions = List.copyOf(conditions);
    requireNonNull(sql, "sql");
    types = List.copyOf(types);
    requireNonNull(sortMode, "sortMode");
    requireNonNull(label, "label");
    expectedLines = List.copyOf(expectedLines);
  }
}
