/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlExceptionsTest {
  @Test
  void sqlStateOfTheFirstSqlExceptionThatHasOne() {
    SQLException inner = new SQLException("Object 'NOPE' not found", "42S02");
    SQLException outer = new SQLException("Error while executing SQL", null, inner);
    RuntimeException wrapper = new RuntimeException("wrapped", outer);
    assertEquals(Optional.of("42S02"), SqlExceptions.sqlState(outer));
    assertEquals(Optional.of("42S02"), SqlExceptions.sqlState(wrapper));
    assertEquals(Optional.of("HY000"), SqlExceptions.sqlState(new SQLException("x", "HY000", inner)));
    assertEquals(Optional.empty(), SqlExceptions.sqlState(new SQLException("no state")));
  }

  @Test
  void sqlStateMatchesExactlyOrByClass() {
    assertTrue(SqlExceptions.sqlStateMatches("42S02", Optional.of("42S02")));
    assertFalse(SqlExceptions.sqlStateMatches("42S02", Optional.of("42S22")));
    assertTrue(SqlExceptions.sqlStateMatches("42", Optional.of("42S02")));
    assertFalse(SqlExceptions.sqlStateMatches("22", Optional.of("42S02")));
    assertFalse(SqlExceptions.sqlStateMatches("42", Optional.empty()));
  }

  @Test
  void messageSearchCoversTheChainAndIgnoresCase() {
    SQLException e =
        new SQLException("Error while executing SQL", null, new IllegalStateException("Object 'NOPE' not found"));
    assertTrue(SqlExceptions.anyMessageContains(e, "object 'nope' NOT FOUND"));
    assertTrue(SqlExceptions.anyMessageContains(e, "while executing"));
    assertFalse(SqlExceptions.anyMessageContains(e, "permission denied"));
    assertFalse(SqlExceptions.anyMessageContains(new SQLException((String) null), "x"));
  }

  @Test
  void chainStopsAtCycles() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertEquals(2, SqlExceptions.chain(b).size());
  }

  @Test
  void describeListsEveryLevelWithItsState() {
    String text =
        SqlExceptions.describe(
            new SQLException("outer", "HY000", new SQLException("inner", "42S02")));
    assertTrue(text.contains("java.sql.SQLException [SQLState HY000]: outer"), text);
    assertTrue(text.contains("caused by java.sql.SQLException [SQLState 42S02]: inner"), text);
  }
}
