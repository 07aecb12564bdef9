/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DELETE and UPDATE read and rewrite only the files that hold matching rows: files pruned by
 * partition values or min/max statistics are never opened (proven by deleting them from storage
 * first), a partition-only DELETE removes whole files, and a one-row UPDATE replaces one file.
 */
class RowLevelFileSelectionTest {
  @TempDir
  Path dir;

  private Path table;

  @BeforeEach
  void createTable() throws SQLException {
    table = dir.resolve("lake/Tables/t");
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id BIGINT, v STRING, part STRING) PARTITIONED BY (part)");
      // One file per INSERT: ids 1-10 and 11-20 in partition a, 21-30 in partition b.
      for (int first : new int[] {1, 11, 21}) {
        StringBuilder values = new StringBuilder();
        for (int id = first; id < first + 10; id++) {
          values.append(id == first ? "" : ", ").append("(").append(id).append(", 'v")
              .append(id).append("', '").append(first < 21 ? "a" : "b").append("')");
        }
        s.execute("INSERT INTO t VALUES " + values);
      }
    }
  }

  @Test
  void oneRowUpdateOpensAndReplacesOneFile() throws Exception {
    deleteDataFilesExcept("part=a", 11); // only the file of ids 11-20 may be read
    try (Connection c = connect(); Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate("UPDATE t SET v = 'changed' WHERE id = 15 AND part = 'a'"));
    }
    String commit = commit(4);
    assertTrue(commit.contains("\"operation\":\"UPDATE\""), commit);
    assertTrue(commit.contains("\"numRemovedFiles\":\"1\""), commit);
    assertTrue(commit.contains("\"numAddedFiles\":\"1\""), commit);
    assertTrue(commit.contains("\"numCopiedRows\":\"9\""), commit);
  }

  @Test
  void statisticsPruningKeepsOtherFilesOfThePartitionUnread() throws Exception {
    deleteDataFilesExcept("part=a", 1); // ids 11-20 and 21-30 must not be read
    try (Connection c = connect(); Statement s = c.createStatement()) {
      assertEquals(2, s.executeUpdate("DELETE FROM t WHERE id <= 2"));
    }
    assertTrue(commit(4).contains("\"numDeletedRows\":\"2\""));
  }

  @Test
  void partitionOnlyDeleteRemovesWholeFilesWithoutRewriting() throws Exception {
    // Not even read: the files of partition a are gone from storage, their statistics decide.
    try (Stream<Path> files = Files.list(table.resolve("part=a"))) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    try (Connection c = connect(); Statement s = c.createStatement()) {
      assertEquals(20, s.executeUpdate("DELETE FROM t WHERE part = 'a'"));
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(id) FROM t")) {
        assertTrue(rs.next());
        assertEquals(10, rs.getLong(1));
        assertEquals(21, rs.getLong(2));
      }
    }
    String commit = commit(4);
    assertTrue(commit.contains("\"numRemovedFiles\":\"2\""), commit);
    assertTrue(commit.contains("\"numAddedFiles\":\"0\""), commit);
    assertTrue(commit.contains("\"numCopiedRows\":\"0\""), commit);
  }

  /** Deletes every data file but the one whose smallest id is {@code keepFirstId} in {@code partition}. */
  private void deleteDataFilesExcept(String partition, int keepFirstId) throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(table)) {
      files = walk.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log"))
          .toList();
    }
    int kept = 0;
    for (Path file : files) {
      boolean keep = file.getParent().getFileName().toString().equals(partition)
          && minId(file) == keepFirstId;
      if (keep) {
        kept++;
      } else {
        Files.delete(file);
      }
    }
    assertEquals(1, kept);
  }

  /** The minimum id of a data file, from the statistics its add action carries in the log. */
  private long minId(Path file) throws IOException {
    String name = file.getFileName().toString();
    try (Stream<Path> commits = Files.list(table.resolve("_delta_log"))) {
      for (Path commit : commits.filter(p -> p.toString().endsWith(".json")).toList()) {
        for (String line : Files.readAllLines(commit)) {
          if (line.contains("\"add\"") && line.contains(name)) {
            Matcher m = Pattern.compile("minValues\\\\\":\\{\\\\\"id\\\\\":(\\d+)").matcher(line);
            assertTrue(m.find(), line);
            return Long.parseLong(m.group(1));
          }
        }
      }
    }
    throw new AssertionError("no add action for " + name);
  }

  private String commit(long version) throws IOException {
    return Files.readString(table.resolve("_delta_log").resolve(String.format("%020d.json", version)));
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + dir.resolve("lake"));
  }
}
