/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files are opened one at a time, only when rows are needed: LIMIT stops before the other files, and
 * partition pruning never opens files of other partitions. Proven by deleting the data files that a
 * lazy, pruned scan must not touch: a scan that opened them would fail.
 */
class LazyScanTest {
  @TempDir
  Path lakehouse;

  @Test
  void partitionPruningNeverOpensOtherPartitions() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT, part STRING) PARTITIONED BY (part)");
      statement.executeUpdate("INSERT INTO t VALUES (1, 'keep'), (2, 'gone'), (3, 'gone')");
      deleteDataFiles(lakehouse.resolve("Tables/t/part=gone"));
      try (ResultSet rs = statement.executeQuery("SELECT id FROM t WHERE part = 'keep'")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
      }
      // The deleted files are really needed by a full scan, so the check above is meaningful.
      assertThrows(SQLException.class, () -> drain(statement, "SELECT id FROM t"));
    }
  }

  @Test
  void statisticsSkipFilesWhoseRangeCannotMatch() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT, name STRING)");
      statement.executeUpdate("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      Path first = onlyDataFile(lakehouse.resolve("Tables/t"));
      statement.executeUpdate("INSERT INTO t VALUES (100, 'x'), (200, 'y')");
      Files.delete(first);
      try (ResultSet rs = statement.executeQuery("SELECT name FROM t WHERE id = 200")) {
        assertTrue(rs.next());
        assertEquals("y", rs.getString(1));
      }
      assertThrows(SQLException.class, () -> drain(statement, "SELECT name FROM t WHERE id < 50"));
    }
  }

  @Test
  void limitStopsReadingFiles() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT)");
      statement.executeUpdate("INSERT INTO t VALUES (1)");
      Path first = onlyDataFile(lakehouse.resolve("Tables/t"));
      for (int i = 2; i <= 5; i++) {
        statement.executeUpdate("INSERT INTO t VALUES (" + i + ")");
      }
      // Kernel lists the newest files first; the oldest file is never reached by LIMIT 1.
      Files.delete(first);
      try (ResultSet rs = statement.executeQuery("SELECT id FROM t LIMIT 1")) {
        assertTrue(rs.next());
        assertTrue(rs.getInt(1) > 1);
      }
      assertThrows(SQLException.class, () -> drain(statement, "SELECT id FROM t"));
    }
  }

  private static void drain(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }

  private static Path onlyDataFile(Path table) throws IOException {
    List<Path> files = dataFiles(table);
    assertEquals(1, files.size(), "data files in " + table);
    return files.get(0);
  }

  private static List<Path> dataFiles(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      return paths.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log"))
          .toList();
    }
  }

  private static void deleteDataFiles(Path directory) throws IOException {
    for (Path file : dataFiles(directory)) {
      Files.delete(file);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + lakehouse);
  }
}
