/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-commit off (SPEC §4): INSERTs are staged and become visible in one commit per table at commit(). */
class TransactionTest {
  @TempDir
  Path lakehouse;

  @BeforeEach
  void createTables() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT)");
      statement.execute("CREATE TABLE u (id INT)");
    }
  }

  @Test
  void commitMakesStagedRowsVisibleInOneCommitPerTable() throws Exception {
    try (Connection writer = connect(); Connection reader = connect()) {
      writer.setAutoCommit(false);
      assertFalse(writer.getAutoCommit());
      try (Statement statement = writer.createStatement()) {
        assertEquals(2, statement.executeUpdate("INSERT INTO t VALUES (1), (2)"));
        assertEquals(1, statement.executeUpdate("INSERT INTO t VALUES (3)"));
        assertEquals(1, statement.executeUpdate("INSERT INTO u VALUES (10)"));
      }
      try (PreparedStatement insert = writer.prepareStatement("INSERT INTO t VALUES (?)")) {
        insert.setInt(1, 4);
        insert.addBatch();
        insert.setInt(1, 5);
        insert.addBatch();
        insert.executeBatch();
      }
      assertEquals(0, count(reader, "t"));
      assertEquals(0, commits("t") - 1);
      writer.commit();
      assertEquals(5, count(reader, "t"));
      assertEquals(1, count(reader, "u"));
      assertEquals(1, commits("t") - 1);
      assertEquals(1, commits("u") - 1);
    }
  }

  @Test
  void rollbackDiscardsStagedRowsAndTheirFiles() throws Exception {
    try (Connection writer = connect()) {
      writer.setAutoCommit(false);
      try (Statement statement = writer.createStatement()) {
        statement.executeUpdate("INSERT INTO t VALUES (1), (2)");
      }
      writer.rollback();
      assertEquals(0, count(writer, "t"));
      assertEquals(0, dataFiles("t"));
      assertEquals(1, commits("t"));
      try (Statement statement = writer.createStatement()) {
        statement.executeUpdate("INSERT INTO t VALUES (7)");
      }
      writer.commit();
      assertEquals(1, count(writer, "t"));
    }
  }

  @Test
  void switchingAutoCommitOnCommitsAndClosingDiscards() throws Exception {
    try (Connection writer = connect()) {
      writer.setAutoCommit(false);
      try (Statement statement = writer.createStatement()) {
        statement.executeUpdate("INSERT INTO t VALUES (1)");
      }
      writer.setAutoCommit(true);
      assertEquals(1, count(writer, "t"));
      writer.setAutoCommit(false);
      try (Statement statement = writer.createStatement()) {
        statement.executeUpdate("INSERT INTO t VALUES (2)");
      }
    }
    try (Connection reader = connect()) {
      assertEquals(1, count(reader, "t"));
    }
    assertEquals(1, dataFiles("t"));
  }

  @Test
  void aFailedStatementInATransactionUndoesOnlyItsOwnRows() throws Exception {
    try (Connection writer = connect(); Statement statement = writer.createStatement()) {
      statement.execute("CREATE TABLE k (id INT NOT NULL)");
      statement.execute("CREATE TABLE k2 (id INT NOT NULL)");
      writer.setAutoCommit(false);
      assertEquals(1, statement.executeUpdate("INSERT INTO k VALUES (1)"));
      assertEquals("23502", assertThrows(SQLException.class,
          () -> statement.executeUpdate("INSERT INTO k VALUES (2), (NULL)")).getSQLState());
      assertEquals(1, statement.executeUpdate("INSERT INTO t VALUES (5)"));
      assertEquals("23502", assertThrows(SQLException.class,
          () -> statement.executeUpdate("INSERT INTO k2 VALUES (9), (NULL)")).getSQLState());
      assertEquals(1, statement.executeUpdate("INSERT INTO k VALUES (3)"));
      writer.commit();
      assertEquals(2, count(writer, "k"));
      assertEquals(1, count(writer, "t"));
      assertEquals(0, count(writer, "k2"));
      assertEquals(0, dataFiles("k2"));
      assertEquals(1, commits("k2"));
    }
  }

  @Test
  void statementsThatCannotBeStagedAreRefusedInATransaction() throws Exception {
    try (Connection writer = connect(); Statement statement = writer.createStatement()) {
      writer.setAutoCommit(false);
      assertEquals("0A000", assertThrows(SQLException.class,
          () -> statement.execute("TRUNCATE TABLE t")).getSQLState());
      assertEquals("0A000", assertThrows(SQLException.class,
          () -> statement.execute("INSERT OVERWRITE t VALUES (1)")).getSQLState());
    }
  }

  private long commits(String table) throws IOException {
    try (Stream<Path> files = Files.list(lakehouse.resolve("Tables").resolve(table).resolve("_delta_log"))) {
      return files.filter(p -> p.getFileName().toString().matches("\\d{20}\\.json")).count();
    }
  }

  private long dataFiles(String table) throws IOException {
    try (Stream<Path> files = Files.walk(lakehouse.resolve("Tables").resolve(table))) {
      return files.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log"))
          .count();
    }
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + lakehouse + ";onelake_metadata_cache_ttl=0");
  }
}
