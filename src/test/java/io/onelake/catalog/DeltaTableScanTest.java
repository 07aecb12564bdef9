/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushdown into Delta scans. Skipping is observed by deleting the data files a query must not open: if
 * the scan opened one of them anyway, the query would fail.
 */
class DeltaTableScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path lake;

  @BeforeEach
  void setUp() throws IOException {
    lake = Files.createDirectories(dir.resolve("lake"));
  }

  private Connection connect() throws SQLException {
    // no snapshot reuse between statements, so every query sees the files as they are now
    return DriverManager.getConnection(
        "jdbc:onelake:file:" + lake + ";onelake_metadata_cache_ttl=0;timeZone=UTC");
  }

  private Path table(String name) {
    return lake.resolve("Tables").resolve(name);
  }

  /** The add actions of the table's log, in commit order. */
  private List<JsonNode> adds(String name) throws IOException {
    List<JsonNode> result = new ArrayList<>();
    try (Stream<Path> files = Files.list(table(name).resolve("_delta_log"))) {
      for (Path commit : files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json"))
          .sorted().toList()) {
        for (String line : Files.readAllLines(commit)) {
          JsonNode action = line.isBlank() ? null : JSON.readTree(line);
          if (action != null && action.has("add")) {
            result.add(action.get("add"));
          }
        }
      }
    }
    return result;
  }

  private int deleteDataFiles(String name, Predicate<JsonNode> which) throws IOException {
    int deleted = 0;
    for (JsonNode add : adds(name)) {
      if (which.test(add)) {
        Files.delete(table(name).resolve(add.get("path").asText()));
        deleted++;
      }
    }
    return deleted;
  }

  private static String plan(Statement s, String query) throws SQLException {
    StringBuilder text = new StringBuilder();
    try (ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + query)) {
      while (rs.next()) {
        text.append(rs.getString(1)).append('\n');
      }
    }
    return text.toString();
  }

  private static List<String> column(Statement s, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  @Test
  void partitionFilterIsPushedAndPrunes() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, name STRING, part STRING) PARTITIONED BY (part)");
      s.execute("INSERT INTO t VALUES (1, 'one', 'a'), (2, 'two', 'a')");
      s.execute("INSERT INTO t VALUES (3, 'three', 'b')");
      s.execute("INSERT INTO t VALUES (4, 'four', 'c'), (5, 'five', 'c')");
      assertEquals(3, adds("t").size());

      String plan = plan(s, "SELECT id, name FROM t WHERE part = 'a'");
      assertTrue(plan.contains("DeltaTableScan"), plan);
      assertTrue(plan.contains("filter="), plan);
      assertTrue(plan.contains("part"), plan);

      assertEquals(List.of("1", "2"), column(s, "SELECT id FROM t WHERE part = 'a' ORDER BY id"));
      assertEquals(2, deleteDataFiles("t",
          add -> !add.get("partitionValues").get("part").asText().equals("a")));
      assertEquals(List.of("one", "two"), column(s, "SELECT name FROM t WHERE part = 'a' ORDER BY id"));
      assertEquals(List.of("2"), column(s, "SELECT id FROM t WHERE part = 'a' AND id > 1"));
      // the deleted files are really gone: a query that needs them fails
      assertThrows(SQLException.class, () -> column(s, "SELECT id FROM t WHERE part = 'b'"));
    }
  }

  @Test
  void minMaxStatisticsSkipFiles() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, v STRING)");
      for (int file = 0; file < 3; file++) {
        StringBuilder values = new StringBuilder();
        for (int id = file * 10 + 1; id <= file * 10 + 10; id++) {
          values.append(values.length() == 0 ? "" : ", ").append("(").append(id).append(", 'v").append(id)
              .append("')");
        }
        s.execute("INSERT INTO t VALUES " + values);
      }
      String plan = plan(s, "SELECT v FROM t WHERE id = 5");
      assertTrue(plan.contains("DeltaTableScan"), plan);
      assertTrue(plan.contains("filter="), plan);

      assertEquals(List.of("v5"), column(s, "SELECT v FROM t WHERE id = 5"));
      assertEquals(2, deleteDataFiles("t", add -> {
        try {
          return JSON.readTree(add.get("stats").asText()).get("minValues").get("id").asInt() > 5;
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }));
      assertEquals(List.of("v5"), column(s, "SELECT v FROM t WHERE id = 5"));
      assertEquals(List.of("v3", "v4"), column(s, "SELECT v FROM t WHERE id BETWEEN 3 AND 4 ORDER BY id"));
      assertEquals(List.of("10"), column(s, "SELECT COUNT(*) FROM t WHERE id <= 10"));
      assertThrows(SQLException.class, () -> column(s, "SELECT v FROM t WHERE id = 15"));
    }
  }

  @Test
  void timestampComparisonsSkipFilesAndFilterRowsWithMicroseconds() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, ts TIMESTAMP)");
      s.execute("INSERT INTO t VALUES (1, TIMESTAMP '1969-12-31 23:59:59.999998'), "
          + "(2, TIMESTAMP '1969-12-31 23:59:59.999999')");
      s.execute("INSERT INTO t VALUES (3, TIMESTAMP '2024-01-01 00:00:00.000001'), "
          + "(4, TIMESTAMP '2024-01-01 00:00:00.000002')");
      String plan = plan(s, "SELECT id FROM t WHERE ts > TIMESTAMP '2024-01-01 00:00:00.000001'");
      assertTrue(plan.contains("timestampConditions=[[$1 > 2024-01-01 00:00:00.000001]]"), plan);
      // Skipping uses the literal's whole millisecond, the rows are compared exactly.
      assertTrue(plan.contains("column(`ts`) >= 1704067200000000"), plan);

      assertEquals(List.of("4"),
          column(s, "SELECT id FROM t WHERE ts > TIMESTAMP '2024-01-01 00:00:00.000001'"));
      assertEquals(List.of("2"),
          column(s, "SELECT id FROM t WHERE ts = TIMESTAMP '1969-12-31 23:59:59.999999'"));
      assertEquals(List.of("1"),
          column(s, "SELECT id FROM t WHERE ts < TIMESTAMP '1969-12-31 23:59:59.999999' ORDER BY id"));
      assertEquals(1, deleteDataFiles("t", add -> {
        try {
          return JSON.readTree(add.get("stats").asText()).get("minValues").get("id").asInt() == 1;
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }));
      assertEquals(List.of("3", "4"),
          column(s, "SELECT id FROM t WHERE ts >= TIMESTAMP '2024-01-01 00:00:00.000001' ORDER BY id"));
    }
  }

  @Test
  void limitReadsOnlyWhatItNeeds() throws Exception {
    int files = 30;
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, v STRING)");
      for (int i = 0; i < files; i++) {
        s.execute("INSERT INTO t VALUES (" + i + ", 'v" + i + "')");
      }
      assertEquals(files, adds("t").size());
      List<String> firstTwo = column(s, "SELECT id FROM t LIMIT 2");
      assertEquals(2, firstTwo.size());
      int id = Integer.parseInt(firstTwo.get(0));
      assertTrue(id >= 0 && id < files);
      assertEquals(List.of(firstTwo.get(0)), column(s, "SELECT id FROM t LIMIT 1"));
      assertEquals(List.of("3"), column(s, "SELECT COUNT(*) FROM (SELECT * FROM t LIMIT 3)"));

      // Keep only the files of the first two rows in scan order (the scan order comes from the log,
      // which does not change). LIMIT 1 must get by with them instead of opening all 30 files.
      // (Calcite's LIMIT pulls one row beyond the limit, so the second file may be opened too.)
      List<Integer> kept = List.of(id, Integer.parseInt(firstTwo.get(1)));
      assertEquals(files - 2, deleteDataFiles("t", add -> {
        try {
          return !kept.contains(JSON.readTree(add.get("stats").asText()).get("minValues").get("id").asInt());
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }));
      try (ResultSet rs = s.executeQuery("SELECT * FROM t LIMIT 1")) {
        assertTrue(rs.next());
        assertEquals(id, rs.getInt("id"));
        assertEquals("v" + id, rs.getString("v"));
        assertFalse(rs.next());
      }
      assertThrows(SQLException.class, () -> column(s, "SELECT COUNT(*) FROM t"));
    }
  }

  @Test
  void projectionIsPushed() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (a INT, b STRING, c DOUBLE)");
      s.execute("INSERT INTO t VALUES (1, 'x', 1.5), (2, 'y', 2.5)");
      String plan = plan(s, "SELECT a FROM t");
      assertTrue(plan.contains("DeltaTableScan"), plan);
      assertTrue(plan.contains("projects=[[0]]"), plan);
      String two = plan(s, "SELECT c, a FROM t WHERE c > 2");
      assertTrue(two.contains("projects=[[0, 2]]"), two);
      assertTrue(two.contains("filter="), two);
      assertFalse(plan(s, "SELECT * FROM t").contains("projects="));
      assertEquals(List.of("1", "2"), column(s, "SELECT a FROM t ORDER BY a"));
      assertEquals(List.of("2.5"), column(s, "SELECT c FROM t WHERE c > 2"));
    }
  }
}
