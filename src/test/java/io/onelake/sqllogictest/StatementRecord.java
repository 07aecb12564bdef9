/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code statement ok}: the SQL must run without an exception. */
public record StatementRecord(int line, List<BackendCondition> conditions, String sql)
    implements SqlLogicTestRecord {
  public StatementRecord {
    conditions = List.copyOf(conditions);
    requireNonNull(sql, "sql");
  }
}
