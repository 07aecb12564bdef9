/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onelake.delta.fixtures.DeltaFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INSERT … SELECT of another table's columns unchanged, which copies column batches instead of rows
 * ({@link TableCopies}): every value arrives exactly, deleted rows stay deleted, NOT NULL holds, and
 * statements that compute something still take the row path.
 */
class TableCopiesTest {
  private static final String COLUMNS = "b BIGINT, i INT, s SMALLINT, t TINYINT, d DECIMAL(15, 2), "
      + "d9 DECIMAL(5, 1), d30 DECIMAL(30, 4), f DOUBLE, r REAL, ok BOOLEAN, v VARCHAR, dt DATE, "
      + "ts TIMESTAMP";

  @TempDir
  Path lakehouse;

  @Test
  void copiesEveryTypeExactlyWithNulls() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE src (" + COLUMNS + ")");
      s.execute("INSERT INTO src VALUES "
          + "(1, 2, 3, 4, 12345.67, 1234.5, 123456789012345678901234.5678, 1.5, 2.5, TRUE, 'äöü €', "
          + "DATE '2024-02-29', TIMESTAMP '2024-03-01 12:34:56.789012'), "
          + "(-9, -8, -7, -6, -0.01, -0.1, -1.0001, -2.25, -3.5, FALSE, '', DATE '1969-12-31', "
          + "TIMESTAMP '1960-01-01 00:00:00'), "
          + "(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
      s.execute("CREATE TABLE dst (" + COLUMNS + ")");
      assertEquals(3, s.executeUpdate("INSERT INTO dst SELECT * FROM src"));
      assertEquals(rows(s, "SELECT * FROM src ORDER BY b"), rows(s, "SELECT * FROM dst ORDER BY b"));
      // The statistics of the copied file prune as they should.
      assertEquals(List.of("äöü €"), strings(s, "SELECT v FROM dst WHERE v > 'z'"));
      assertEquals(List.of("1"), strings(s, "SELECT b FROM dst WHERE d > 100"));
    }
    String commit = Files.readString(lakehouse.resolve("Tables/dst/_delta_log/00000000000000000001.json"));
    // The statistics (a JSON string inside the add action) count the rows and bound the strings.
    assertTrue(commit.contains("numRecords\\\":3") && commit.contains("\\\"v\\\":\\\"äöü €"), commit);
  }

  @Test
  void copiesNamedColumnsInAnyOrder() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE src (a BIGINT, b VARCHAR, c DATE)");
      s.execute("INSERT INTO src VALUES (1, 'x', DATE '2020-01-01'), (2, 'y', NULL)");
      s.execute("CREATE TABLE dst (c DATE, a BIGINT, b VARCHAR, a2 BIGINT)");
      assertEquals(2, s.executeUpdate("INSERT INTO dst SELECT c, a, b, a FROM src"));
      assertEquals(List.of("2020-01-01|1|x|1", "null|2|y|2"), rows(s, "SELECT * FROM dst ORDER BY a"));
      assertEquals(2, s.executeUpdate("INSERT INTO dst (b, a, c, a2) SELECT s.b, s.a, s.c, s.a FROM src s"));
      assertEquals(4L, count(s, "SELECT COUNT(*) FROM dst WHERE a = a2"));
    }
  }

  @Test
  void rowsHiddenByDeletionVectorsAreNotCopied() throws Exception {
    DeltaFixtures.deletionVectors(lakehouse.resolve("Tables/dv"));
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE copy AS SELECT * FROM dv WHERE 1 = 0");
      long live = count(s, "SELECT COUNT(*) FROM dv");
      assertEquals(live, s.executeUpdate("INSERT INTO copy SELECT * FROM dv"));
      assertEquals(rows(s, "SELECT * FROM dv ORDER BY id"), rows(s, "SELECT * FROM copy ORDER BY id"));
    }
  }

  @Test
  void copiesFromColumnMappedAndPartitionedTables() throws Exception {
    DeltaFixtures.columnMappingName(lakehouse.resolve("Tables/cm"));
    DeltaFixtures.partitionedSpecialValues(lakehouse.resolve("Tables/parts"));
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String source : List.of("cm", "parts")) {
        s.execute("CREATE TABLE copy_" + source + " AS SELECT * FROM " + source + " WHERE 1 = 0");
        s.executeUpdate("INSERT INTO copy_" + source + " SELECT * FROM " + source);
        assertEquals(rows(s, "SELECT * FROM " + source + " ORDER BY 1, 2"),
            rows(s, "SELECT * FROM copy_" + source + " ORDER BY 1, 2"), source);
      }
    }
  }

  @Test
  void nullIntoNotNullColumnFailsAndLeavesNoFiles() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE src (a BIGINT, b VARCHAR)");
      s.execute("INSERT INTO src VALUES (1, 'x'), (2, NULL)");
      s.execute("CREATE TABLE dst (a BIGINT, b VARCHAR NOT NULL)");
      SQLException e = assertThrows(SQLException.class,
          () -> s.executeUpdate("INSERT INTO dst SELECT * FROM src"));
      assertEquals("23502", e.getSQLState(), e.getMessage());
      assertEquals(0L, count(s, "SELECT COUNT(*) FROM dst"));
    }
    try (Stream<Path> files = Files.list(lakehouse.resolve("Tables/dst"))) {
      assertEquals(List.of("_delta_log"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void queriesThatComputeTakeTheRowPath() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE src (a BIGINT, b VARCHAR)");
      s.execute("INSERT INTO src VALUES (1, 'x'), (2, 'y'), (3, 'z')");
      s.execute("CREATE TABLE dst (a BIGINT, b VARCHAR)");
      s.execute("CREATE TABLE narrow (a INT, b VARCHAR)");
      assertEquals(1, s.executeUpdate("INSERT INTO dst SELECT * FROM src WHERE a = 2"));
      assertEquals(2, s.executeUpdate("INSERT INTO dst SELECT * FROM src ORDER BY a LIMIT 2"));
      assertEquals(3, s.executeUpdate("INSERT INTO dst SELECT a + 10, UPPER(b) FROM src"));
      // Renaming the columns in FROM is a projection the copy cannot see through.
      assertEquals(3, s.executeUpdate("INSERT INTO dst SELECT * FROM src AS x(a, b)"));
      assertEquals(3, s.executeUpdate("INSERT INTO narrow SELECT * FROM src"));
      assertEquals(List.of("1|x", "1|x", "2|y", "2|y", "2|y", "3|z", "11|X", "12|Y", "13|Z"),
          rows(s, "SELECT * FROM dst ORDER BY a, b"));
      assertEquals(List.of("1|x", "2|y", "3|z"), rows(s, "SELECT * FROM narrow ORDER BY a"));
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> strings(Statement s, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static List<String> rows(Statement s, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + lakehouse);
  }
}
