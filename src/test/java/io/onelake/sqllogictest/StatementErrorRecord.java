/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * {@code statement error [SQLSTATE]}, optionally followed by {@code ----} and a message fragment: the SQL must
 * fail with an {@link java.sql.SQLException}.
 *
 * @param sqlState a 5-character SQLState that must match exactly, or a 2-character class it must start with
 * @param messageFragment text some message in the exception's cause chain must contain, ignoring case
 */
public record StatementErrorRecord(
    int line,
    List<BackendCondition> conditions,
    String sql,
    Optional<String> sqlState,
    Optional<String> messageFragment)
    implements SqlLogicTestRecord {
  public StatementErrorRecord {
    conditions = List.copyOf(conditions);
    requireNonNull(sql, "sql");
    requireNonNull(sqlState, "sqlState");
    requireNonNull(messageFragment, "messageFragment");
  }
}
