/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code statement count N} (our extension): {@code executeUpdate} must return {@code N}. */
public record StatementCountRecord(int line, List<BackendCondition> conditions, String sql, long count)
    implements SqlLogicTestRecord {
  public StatementCountRecord {
    conditions = List.copyOf(conditions);
    requireNonNull(sql, "sql");
  }
}
