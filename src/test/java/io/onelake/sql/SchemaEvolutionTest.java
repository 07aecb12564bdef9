/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What schema evolution writes into the Delta log, and the cases the SQL tests cannot express:
 * prepared statements that run again, transactions, column-mapped tables.
 */
class SchemaEvolutionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path lake;

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + lake);
  }

  private JsonNode action(String table, long version, String kind) throws Exception {
    Path commit = lake.resolve("Tables").resolve(table).resolve("_delta_log")
        .resolve(String.format("%020d.json", version));
    JsonNode found = null;
    for (String line : Files.readAllLines(commit)) {
      JsonNode action = JSON.readTree(line);
      if (action.has(kind)) {
        found = action.get(kind);
      }
    }
    return found;
  }

  @Test
  void mergedColumnIsInTheMetadataTheChecksumAndTheStatistics() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT) COMMENT 'kept'");
      s.execute("INSERT INTO t VALUES (1)");
      s.execute("SET onelake_schema_mode = 'merge'");
      s.execute("INSERT INTO t (id, note) VALUES (2, 'two')");
    }
    JsonNode metaData = action("t", 2, "metaData");
    JsonNode schema = JSON.readTree(metaData.get("schemaString").asText());
    assertEquals(2, schema.get("fields").size());
    assertEquals("note", schema.get("fields").get(1).get("name").asText());
    assertEquals("string", schema.get("fields").get(1).get("type").asText());
    assertTrue(schema.get("fields").get(1).get("nullable").asBoolean());
    // The table keeps its id, creation time and description.
    assertEquals(action("t", 0, "metaData").get("id"), metaData.get("id"));
    assertEquals("kept", metaData.get("description").asText());
    JsonNode checksum = JSON.readTree(lake.resolve("Tables/t/_delta_log")
        .resolve(String.format("%020d.crc", 2)).toFile());
    assertEquals(metaData.get("schemaString"), checksum.get("metadata").get("schemaString"));
    JsonNode stats = JSON.readTree(action("t", 2, "add").get("stats").asText());
    assertEquals("two", stats.get("minValues").get("note").asText());
    assertEquals(0, stats.get("nullCount").get("note").asInt());
    assertFalse(action("t", 2, "commitInfo").get("isBlindAppend").asBoolean());
    // A new connection (fresh snapshot from the log) sees the column.
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, note FROM t ORDER BY id")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
      assertEquals(null, rs.getString(2));
      assertTrue(rs.next());
      assertEquals("two", rs.getString(2));
      assertFalse(rs.next());
    }
  }

  @Test
  void preparedInsertThatAddedTheColumnRunsAgain() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT)");
      s.execute("SET onelake_schema_mode = 'merge'");
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO t (id, note) SELECT CAST(? AS INT), 'n' || CAST(? AS VARCHAR)")) {
        for (int i = 1; i <= 3; i++) {
          insert.setInt(1, i);
          insert.setInt(2, i);
          assertEquals(1, insert.executeUpdate());
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(note) FROM t")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getLong(1));
        assertEquals("n3", rs.getString(2));
      }
      // Only the first execution changed the metadata.
      assertTrue(action("t", 1, "metaData") != null);
      assertEquals(null, action("t", 2, "metaData"));
    }
  }

  @Test
  void mergeAddsSourceColumnsOnceAndAPreparedMergeMustBePreparedAgain() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, v STRING)");
      s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      s.execute("CREATE TABLE src (id INT, v STRING, w INT)");
      s.execute("INSERT INTO src VALUES (2, 'B', 20), (3, 'C', 30)");
      s.execute("SET onelake_schema_mode = 'merge'");
      try (PreparedStatement merge = c.prepareStatement("MERGE INTO t USING src ON t.id = src.id "
          + "WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *")) {
        assertEquals(2, merge.executeUpdate());
        JsonNode metaData = action("t", 2, "metaData");
        assertEquals(3, JSON.readTree(metaData.get("schemaString").asText()).get("fields").size());
        assertEquals("MERGE", action("t", 2, "commitInfo").get("operation").asText());
        // The plan read the table with two columns; it now has three.
        SQLException e = assertThrows(SQLException.class, merge::executeUpdate);
        assertEquals("40001", e.getSQLState(), e.getMessage());
      }
      try (ResultSet rs = s.executeQuery("SELECT id, v, w FROM t ORDER BY id")) {
        for (Object[] expected : new Object[][] {{1, "a", null}, {2, "B", 20}, {3, "C", 30}}) {
          assertTrue(rs.next());
          assertEquals(expected[0], rs.getInt(1));
          assertEquals(expected[1], rs.getString(2));
          assertEquals(expected[2], rs.getObject(3));
        }
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void anAppendThatReadTheOldSchemaFailsWithSerializationFailure() throws Exception {
    try (Connection setup = connect(); Statement s = setup.createStatement()) {
      s.execute("CREATE TABLE t (id INT)");
      s.execute("INSERT INTO t VALUES (1)");
    }
    try (Connection first = connect(); Statement s1 = first.createStatement();
        Connection second = connect(); Statement s2 = second.createStatement()) {
      // The second connection has the table's current version cached (metadata TTL).
      try (ResultSet rs = s2.executeQuery("SELECT COUNT(*) FROM t")) {
        assertTrue(rs.next());
      }
      s1.execute("SET onelake_schema_mode = 'merge'");
      s1.execute("INSERT INTO t (id, note) VALUES (2, 'x')");
      // Delta: a commit that read the table before its metadata changed conflicts with that change.
      SQLException e = assertThrows(SQLException.class, () -> s2.execute("INSERT INTO t VALUES (3)"));
      assertEquals("40001", e.getSQLState(), e.getMessage());
      s2.execute("INSERT INTO t (id) VALUES (3)"); // retried: reads the new schema
      try (ResultSet rs = s2.executeQuery("SELECT COUNT(*), COUNT(note) FROM t")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getLong(1));
        assertEquals(1, rs.getLong(2));
      }
    }
  }

  @Test
  void parametersOfNewColumnsNeedATypeAndThenEvolveTheSchemaOnce() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT)");
      s.execute("SET onelake_schema_mode = 'merge'");
      SQLException e = assertThrows(SQLException.class,
          () -> c.prepareStatement("INSERT INTO t (id, note) VALUES (?, ?)"));
      assertEquals("42000", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("new column note"), e.getMessage());
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO t (id, note) VALUES (?, CAST(? AS VARCHAR))")) {
        for (int i = 1; i <= 2; i++) {
          insert.setInt(1, i);
          insert.setString(2, "n" + i);
          assertEquals(1, insert.executeUpdate());
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(note) FROM t")) {
        assertTrue(rs.next());
        assertEquals(2, rs.getLong(1));
        assertEquals("n2", rs.getString(2));
      }
    }
  }

  @Test
  void schemaChangesAreRefusedInsideTransactions() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT)");
      s.execute("SET onelake_schema_mode = 'merge'");
      c.setAutoCommit(false);
      SQLException e = assertThrows(SQLException.class,
          () -> s.execute("INSERT INTO t (id, note) VALUES (1, 'x')"));
      assertEquals("0A000", e.getSQLState(), e.getMessage());
      s.execute("INSERT INTO t (id) VALUES (2)");
      c.commit();
      c.setAutoCommit(true);
      try (ResultSet rs = s.executeQuery("SELECT * FROM t")) {
        assertEquals(1, rs.getMetaData().getColumnCount());
        assertTrue(rs.next());
        assertEquals(2, rs.getInt(1));
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void columnMappedTablesAreRefused() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT) TBLPROPERTIES ('delta.columnMapping.mode' = 'name')");
      s.execute("SET onelake_schema_mode = 'merge'");
      SQLException e = assertThrows(SQLException.class,
          () -> s.execute("INSERT INTO t (id, note) VALUES (1, 'x')"));
      assertEquals("0A000", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("column mapping"), e.getMessage());
      assertFalse(Files.exists(lake.resolve("Tables/t/_delta_log").resolve(String.format("%020d.json", 1))));
    }
  }
}
