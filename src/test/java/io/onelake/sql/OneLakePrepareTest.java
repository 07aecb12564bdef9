/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statement router: commands run when executed, never while prepared. */
class OneLakePrepareTest {
  @TempDir
  Path lakehouse;

  @Test
  void preparingCreateTableDoesNotCreateIt() throws Exception {
    try (Connection connection = connect()) {
      PreparedStatement create = connection.prepareStatement("CREATE TABLE later (id INT)");
      assertFalse(Files.exists(lakehouse.resolve("Tables/later")), "created at prepare time");
      assertFalse(create.execute());
      assertTrue(Files.isDirectory(lakehouse.resolve("Tables/later/_delta_log")));
    }
  }

  @Test
  void preparingInsertWritesNothingAndParametersAreTyped() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id BIGINT, name STRING)");
      PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)");
      ParameterMetaData parameters = insert.getParameterMetaData();
      assertEquals(2, parameters.getParameterCount());
      assertEquals(Types.BIGINT, parameters.getParameterType(1));
      assertEquals(Types.VARCHAR, parameters.getParameterType(2));
      assertEquals(0, count(statement, "t"));
      insert.setLong(1, 7);
      insert.setString(2, "seven");
      assertEquals(1, insert.executeUpdate());
      insert.setLong(1, 8);
      insert.setString(2, "eight");
      assertEquals(1, insert.executeUpdate());
      assertEquals(2, count(statement, "t"));
    }
  }

  @Test
  void rowLevelDmlRunsAtExecuteTimeAndNotInsideTransactions() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT)");
      statement.execute("INSERT INTO t VALUES (1), (2)");
      try (java.sql.PreparedStatement delete = connection.prepareStatement("DELETE FROM t WHERE id = ?")) {
        delete.setInt(1, 1);
        try (java.sql.ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM t")) {
          rs.next();
          assertEquals(2, rs.getLong(1), "preparing a DELETE changes nothing");
        }
        assertEquals(1, delete.executeUpdate());
      }
      connection.setAutoCommit(false);
      SQLException error = assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE t SET id = 3"));
      assertEquals("0A000", error.getSQLState());
      connection.setAutoCommit(true);
      assertEquals(1, statement.executeUpdate("UPDATE t SET id = 3"));
    }
  }

  @Test
  void syntaxErrorsAre42000() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      SQLException error = assertThrows(SQLException.class, () -> statement.execute("SELEC 1"));
      assertEquals("42000", error.getSQLState());
    }
  }

  @Test
  void unknownTablesAndColumnsHaveTheirStates() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT)");
      assertEquals("42S02", assertThrows(SQLException.class,
          () -> statement.executeQuery("SELECT * FROM nope")).getSQLState());
      assertEquals("42S22", assertThrows(SQLException.class,
          () -> statement.executeQuery("SELECT nope FROM t")).getSQLState());
    }
  }

  @Test
  void entraIdModeWithoutItsSettingsFailsTheConnect() {
    // Entra ID sign-in exists now (issue 5); a mode without what it needs is a property error.
    SQLException error = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:onelake:file:" + lakehouse + ";auth=service_principal"));
    assertEquals("08004", error.getSQLState());
  }

  @Test
  void backtickQuotingOnRequest() throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:onelake:file:" + lakehouse + ";quoting=backtick");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE `Order` (`Select` INT)");
      statement.executeUpdate("INSERT INTO `order` (`select`) VALUES (42)");
      try (ResultSet rs = statement.executeQuery("SELECT `SELECT` FROM `ORDER`")) {
        assertTrue(rs.next());
        assertEquals(42, rs.getInt(1));
      }
      assertEquals("`", connection.getMetaData().getIdentifierQuoteString());
    }
  }

  private static long count(Statement statement, String table) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + lakehouse);
  }
}
