/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onelake.testing.TestLake;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code executeQuery} runs queries only and {@code executeUpdate} everything but queries (JDBC); a
 * statement of the other kind is refused before it runs, so that nothing changes.
 */
class ExecuteMethodTest {
  @TempDir
  Path dir;

  @Test
  void executeQueryRefusesStatementsWithoutRowsBeforeTheyRun() throws Exception {
    TestLake lake = TestLake.local(dir.resolve("lake"));
    try (Connection c = lake.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT)");
      Set<String> commits = lake.commits("t");

      assertRefused("02000", () -> s.executeQuery("INSERT INTO t VALUES (1)"));
      assertRefused("02000", () -> s.executeQuery("CREATE TABLE u (id INT)"));
      assertRefused("02000", () -> s.executeQuery("DELETE FROM t"));
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
        insert.setInt(1, 2);
        assertRefused("02000", insert::executeQuery);
        assertEquals(1, insert.executeUpdate(), "the statement still runs with executeUpdate");
      }

      assertEquals(commits.size() + 1, lake.commits("t").size(), "only executeUpdate committed");
      try (ResultSet rs = c.getMetaData().getTables(null, null, "u", null)) {
        assertFalse(rs.next(), "CREATE TABLE passed to executeQuery did not run");
      }
      try (ResultSet rs = s.executeQuery("SELECT id FROM t")) {
        assertTrue(rs.next());
        assertEquals(2, rs.getInt(1));
        assertFalse(rs.next());
      }
      try (ResultSet rs = s.executeQuery("SHOW SETTINGS")) {
        assertTrue(rs.next(), "statements that return rows run with executeQuery");
      }
    }
  }

  @Test
  void executeUpdateRefusesQueries() throws Exception {
    try (Connection c = TestLake.local(dir.resolve("lake")).connect();
        Statement s = c.createStatement()) {
      assertEquals(0, s.executeUpdate("CREATE TABLE t (id INT)"));
      assertEquals(0, s.executeUpdate("SET onelake_safe_cast = true"));
      assertRefused("0100E", () -> s.executeUpdate("SELECT * FROM t"));
      assertRefused("0100E", () -> s.executeUpdate("SHOW SETTINGS"));
      try (PreparedStatement query = c.prepareStatement("SELECT * FROM t WHERE id = ?")) {
        query.setInt(1, 1);
        assertRefused("0100E", query::executeUpdate);
        assertRefused("0100E", query::executeLargeUpdate);
        try (ResultSet rs = query.executeQuery()) {
          assertFalse(rs.next());
        }
      }
      assertTrue(s.execute("SELECT * FROM t"), "execute runs either kind");
      assertFalse(s.execute("INSERT INTO t VALUES (1)"));
      assertEquals(1, s.getUpdateCount());
    }
  }

  @Test
  void refusedStatementStagesNothingInATransaction() throws Exception {
    try (Connection c = TestLake.local(dir.resolve("lake")).connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT)");
      c.setAutoCommit(false);
      assertRefused("02000", () -> s.executeQuery("INSERT INTO t VALUES (1)"));
      assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (2)"));
      c.commit();
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(id) FROM t")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getLong(1));
        assertEquals(2, rs.getInt(2));
      }
    }
  }

  private static void assertRefused(String sqlState, Executable call) {
    SQLException e = assertThrows(SQLException.class, call);
    assertEquals(sqlState, e.getSQLState(), e.toString());
    assertTrue(e.getMessage().contains("It was not run"), e.getMessage());
  }
}
