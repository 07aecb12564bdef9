/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static io.onelake.sqllogictest.FakeDatabase.ANY;
import static io.onelake.sqllogictest.FakeDatabase.count;
import static io.onelake.sqllogictest.FakeDatabase.failure;
import static io.onelake.sqllogictest.FakeDatabase.row;
import static io.onelake.sqllogictest.FakeDatabase.rows;
import static io.onelake.sqllogictest.FakeDatabase.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class SqlLogicTestRunnerTest {
  private static final Path PATH = Path.of("test-sql", "basic.test");
  private static final SQLException NO_TABLE = new SQLException("Object 'NOPE' not found", "42S02");

  private static final FakeDatabase DATABASE =
      new FakeDatabase(
          Map.of(
              "CREATE TABLE t (id INT, name STRING)", count(0),
              "INSERT INTO t VALUES (1, 'alice'), (2, NULL)", count(2),
              "SELECT * FROM nope", failure(NO_TABLE),
              "SELECT id, name, x FROM t",
                  rows(
                      types(Types.INTEGER, Types.VARCHAR, Types.DECIMAL),
                      row(2, null, new BigDecimal("0.250")),
                      row(1, "alice", new BigDecimal("1.500"))),
              "SELECT count(*) FROM t", rows(types(Types.BIGINT), row(2L)),
              "SELECT name FROM lh1.dbo.t", rows(types(Types.VARCHAR), row("lh1"), row("")),
              "SELECT b FROM t", rows(types(Types.VARBINARY), row((Object) new byte[] {1, (byte) 0xAB})),
              "SELECT broken", failure(new IllegalStateException("driver bug"))));

  private static void run(String content, String backend, FakeDatabase database) {
    SqlLogicTestFile file = SqlLogicTestParser.parse(PATH, content);
    new SqlLogicTestRunner(backend, Map.of("LAKEHOUSE", "lh1")).run(file, database.connection());
  }

  private static AssertionFailedError failing(String content) {
    return assertThrows(AssertionFailedError.class, () -> run(content, "local", DATABASE));
  }

  private static void assertContains(String text, String... parts) {
    for (String part : parts) {
      assertTrue(text.contains(part), () -> "expected <" + part + "> in:\n" + text);
    }
  }

  @Test
  void passingFileRunsEveryRecordInOrder() {
    FakeDatabase recording =
        new FakeDatabase(
            Map.of(
                "CREATE TABLE t (id INT, name STRING)", count(0),
                "INSERT INTO t VALUES (1, 'alice'), (2, NULL)", count(2),
                "SELECT * FROM nope", failure(NO_TABLE),
                "SELECT id, name, x FROM t",
                    rows(
                        types(Types.INTEGER, Types.VARCHAR, Types.DOUBLE),
                        row(2, null, 0.25d),
                        row(1, "alice", 1.5d)),
                "SELECT count(*) FROM t", rows(types(Types.BIGINT), row(2L))));
    run(
        """
        # the example from test-sql/README.md
        statement ok
        CREATE TABLE t (id INT, name STRING)

        statement count 2
        INSERT INTO t VALUES (1, 'alice'), (2, NULL)

        statement error
        SELECT * FROM nope

        statement error 42S02
        SELECT * FROM nope

        statement error 42
        SELECT * FROM nope

        statement error
        SELECT * FROM nope
        ----
        object 'nope' NOT found

        query ITR rowsort
        SELECT id, name, x FROM t
        ----
        1\talice\t1.5
        2\tNULL\t0.25

        query ITR valuesort
        SELECT id, name, x FROM t
        ----
        0.25
        1
        1.5
        2
        alice
        NULL

        query I nosort label-x
        SELECT count(*) FROM t
        ----
        2
        """,
        "local",
        recording);
    assertEquals(
        List.of(
            "CREATE TABLE t (id INT, name STRING)",
            "INSERT INTO t VALUES (1, 'alice'), (2, NULL)",
            "SELECT * FROM nope",
            "SELECT * FROM nope",
            "SELECT * FROM nope",
            "SELECT * FROM nope",
            "SELECT id, name, x FROM t",
            "SELECT id, name, x FROM t",
            "SELECT count(*) FROM t"),
        recording.executed());
    // Every statement and result set is closed; the connection belongs to the caller.
    assertTrue(!recording.closed().contains("connection"));
    assertEquals(9, recording.closed().stream().filter("statement"::equals).count());
    assertEquals(3, recording.closed().stream().filter("resultSet"::equals).count());
  }

  @Test
  void queryMismatchShowsLocationSqlExpectedAndActual() {
    AssertionFailedError e =
        failing(
            """
            statement ok
            CREATE TABLE t (id INT, name STRING)

            query ITR rowsort
            SELECT id, name, x FROM t
            ----
            1\talice\t1.500
            2\tbob\t0.250
            """);
    assertContains(
        e.getMessage(),
        PATH + ":4: query result differs [backend: local]",
        "SQL:\nSELECT id, name, x FROM t",
        "Expected (2 rows, rowsort):\n1\talice\t1.500\n2\tbob\t0.250",
        "Actual (2 rows, rowsort):\n1\talice\t1.500\n2\tNULL\t0.250",
        "First difference at line 2: expected <2\tbob\t0.250> but was <2\tNULL\t0.250>");
    // IDEs show a diff from these.
    assertEquals("1\talice\t1.500\n2\tbob\t0.250", e.getExpected().getValue());
    assertEquals("1\talice\t1.500\n2\tNULL\t0.250", e.getActual().getValue());
  }

  @Test
  void nosortComparesInReturnedOrder() {
    AssertionFailedError e =
        failing("query ITR\nSELECT id, name, x FROM t\n----\n1\talice\t1.500\n2\tNULL\t0.250\n");
    assertContains(
        e.getMessage(),
        PATH + ":1:",
        "Actual (2 rows, nosort):\n2\tNULL\t0.250\n1\talice\t1.500",
        "First difference at line 1");
  }

  @Test
  void missingAndExtraRowsAreNamed() {
    assertContains(
        failing("query I nosort lbl\nSELECT count(*) FROM t\n----\n2\n3\n").getMessage(),
        "Expected (2 rows, nosort, label lbl):",
        "Actual (1 rows, nosort, label lbl):\n2",
        "Missing from the actual result from line 2: <3>");
    assertContains(
        failing("query I\nSELECT count(*) FROM t\n").getMessage(),
        "Expected (0 rows, nosort): (none)",
        "Unexpected in the actual result from line 1: <2>");
  }

  @Test
  void columnCountMustMatchTheTypeLetters() {
    AssertionFailedError e = failing("query IT rowsort\nSELECT id, name, x FROM t\n----\n1\talice\n2\tNULL\n");
    assertContains(
        e.getMessage(),
        PATH + ":1: query returned 3 columns but the record declares 2",
        "Actual (2 rows, rowsort):\n1\talice\t1.500\n2\tNULL\t0.250");
  }

  @Test
  void placeholdersAreReplacedInSqlAndResults() {
    run("query T\nSELECT name FROM ${LAKEHOUSE}.dbo.t\n----\n${LAKEHOUSE}\n(empty)\n", "local", DATABASE);
  }

  @Test
  void unknownPlaceholderFailsWithTheLocation() {
    AssertionFailedError e = failing("statement ok\nCREATE TABLE t (id INT, name STRING)\n\nquery T\nSELECT ${NOPE}\n");
    assertContains(e.getMessage(), PATH + ":4: unknown placeholder ${NOPE}");
  }

  @Test
  void binaryColumnsPrintAsHex() {
    run("query T\nSELECT b FROM t\n----\n01ab\n", "local", DATABASE);
  }

  @Test
  void statementOkFailureShowsTheException() {
    AssertionFailedError e = failing("statement ok\nSELECT * FROM nope\n");
    assertContains(
        e.getMessage(),
        PATH + ":1: statement failed",
        "SQL:\nSELECT * FROM nope",
        "[SQLState 42S02]: Object 'NOPE' not found");
    assertSame(NO_TABLE, e.getCause());
  }

  @Test
  void statementOkFailsWhenFetchingFails() {
    SQLException lazy = new SQLException("division by zero", "22012");
    FakeDatabase database =
        new FakeDatabase(Map.of("SELECT 1/0", new FakeDatabase.Rows(types(ANY), List.of(), 0, lazy)));
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> run("statement ok\nSELECT 1/0\n", "local", database));
    assertContains(e.getMessage(), "division by zero");
    // ... and the same lazy error satisfies statement error.
    run("statement error 22012\nSELECT 1/0\n", "local", database);
  }

  @Test
  void statementErrorFailsWhenTheStatementSucceeds() {
    AssertionFailedError e = failing("\nstatement error\nSELECT count(*) FROM t\n");
    assertContains(e.getMessage(), PATH + ":2: statement succeeded but an error was expected", "SELECT count(*)");
  }

  @Test
  void statementErrorChecksTheSqlState() {
    AssertionFailedError e = failing("statement error 42S22\nSELECT * FROM nope\n");
    assertContains(
        e.getMessage(),
        PATH + ":1: wrong SQLState",
        "Expected SQLState: 42S22",
        "Actual SQLState: 42S02",
        "Object 'NOPE' not found");
    assertContains(failing("statement error 22\nSELECT * FROM nope\n").getMessage(), "Expected SQLState: 22xxx");
  }

  @Test
  void statementErrorFindsTheSqlStateInTheCauseChain() {
    SQLException wrapped = new SQLException("Error while executing SQL", null, NO_TABLE);
    FakeDatabase database = new FakeDatabase(Map.of("SELECT * FROM nope", failure(wrapped)));
    run("statement error 42S02\nSELECT * FROM nope\n----\nnot found\n", "local", database);
  }

  @Test
  void statementErrorWithoutAnySqlStateFailsAStateCheck() {
    FakeDatabase database =
        new FakeDatabase(Map.of("SELECT * FROM nope", failure(new SQLException("no state here"))));
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class,
            () -> run("statement error 42S02\nSELECT * FROM nope\n", "local", database));
    assertContains(e.getMessage(), "Actual SQLState: (none)");
  }

  @Test
  void statementErrorChecksTheMessage() {
    AssertionFailedError e = failing("statement error\nSELECT * FROM nope\n----\npermission denied\n");
    assertContains(
        e.getMessage(),
        PATH + ":1: error message does not contain the expected text",
        "Expected text: permission denied",
        "Object 'NOPE' not found");
  }

  @Test
  void statementErrorRejectsNonSqlExceptions() {
    AssertionFailedError e = failing("statement error\nSELECT broken\n");
    assertContains(e.getMessage(), "expected an SQLException but got java.lang.IllegalStateException", "driver bug");
  }

  @Test
  void statementCountComparesTheUpdateCount() {
    AssertionFailedError e = failing("statement count 3\nINSERT INTO t VALUES (1, 'alice'), (2, NULL)\n");
    assertContains(e.getMessage(), PATH + ":1: wrong update count", "Expected count: 3", "Actual count: 2");
  }

  @Test
  void skipifAndOnlyifSelectRecordsByBackend() {
    String content =
        """
        skipif local
        statement ok
        SELECT * FROM nope

        onlyif azurite
        statement ok
        SELECT * FROM nope

        onlyif local
        query I
        SELECT count(*) FROM t
        ----
        2
        """;
    run(content, "local", DATABASE);
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> run(content, "azurite", DATABASE));
    assertContains(e.getMessage(), PATH + ":2: statement failed [backend: azurite]");
  }

  @Test
  void haltStopsTheFile() {
    String content =
        """
        query I
        SELECT count(*) FROM t
        ----
        2

        onlyif local
        halt

        statement ok
        SELECT * FROM nope
        """;
    FakeDatabase database = new FakeDatabase(Map.of("SELECT count(*) FROM t", rows(types(Types.BIGINT), row(2L))));
    run(content, "local", database);
    assertEquals(List.of("SELECT count(*) FROM t"), database.executed());
    assertThrows(AssertionFailedError.class, () -> run(content, "azurite", database));
  }

  @Test
  void stopsAtTheFirstFailure() {
    FakeDatabase database = new FakeDatabase(Map.of("SELECT * FROM nope", failure(NO_TABLE)));
    assertThrows(
        AssertionFailedError.class,
        () -> run("statement ok\nSELECT * FROM nope\n\nstatement ok\nSELECT 2\n", "local", database));
    assertEquals(List.of("SELECT * FROM nope"), database.executed());
  }
}
