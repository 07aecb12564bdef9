/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table COMMENT is the Delta metadata's description, as Spark writes it: in the commit's metaData
 * action and in the version checksum, kept by later commits and checkpoints, replaced by CREATE OR
 * REPLACE, and shown as REMARKS by DatabaseMetaData.getTables.
 */
class TableCommentTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path lake;

  private Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:onelake:file:" + lake);
  }

  private Path log(String table) {
    return lake.resolve("Tables").resolve(table).resolve("_delta_log");
  }

  private JsonNode metaData(String table, long version) throws Exception {
    JsonNode found = null;
    for (String line : Files.readAllLines(log(table).resolve(String.format("%020d.json", version)))) {
      JsonNode action = JSON.readTree(line);
      if (action.has("metaData")) {
        assertNull(found, "one metaData action per commit");
        found = action.get("metaData");
      }
    }
    return found;
  }

  private JsonNode checksumMetadata(String table, long version) throws Exception {
    return JSON.readTree(log(table).resolve(String.format("%020d.crc", version)).toFile()).get("metadata");
  }

  private static String remarks(Connection c, String table) throws Exception {
    try (ResultSet rs = c.getMetaData().getTables(null, "dbo", table, null)) {
      assertTrue(rs.next(), table);
      String remarks = rs.getString("REMARKS");
      assertFalse(rs.next());
      return remarks;
    }
  }

  @Test
  void commentIsTheDescriptionInLogChecksumAndRemarks() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE sales (id INT COMMENT 'order id', amount DECIMAL(10,2)) "
          + "COMMENT 'Daily sales, one row per order'");
      assertEquals("Daily sales, one row per order", metaData("sales", 0).get("description").asText());
      assertEquals("Daily sales, one row per order",
          checksumMetadata("sales", 0).get("description").asText());
      assertEquals("Daily sales, one row per order", remarks(c, "sales"));
      try (ResultSet rs = c.getMetaData().getColumns(null, "dbo", "sales", "id")) {
        assertTrue(rs.next());
        assertEquals("order id", rs.getString("REMARKS"));
      }
      // Later commits (and the checkpoint at version 10) keep it; the table stays readable.
      for (int i = 0; i < 11; i++) {
        s.execute("INSERT INTO sales VALUES (" + i + ", 1.50)");
      }
      assertNull(metaData("sales", 11), "an INSERT does not rewrite the metadata");
      assertEquals("Daily sales, one row per order",
          checksumMetadata("sales", 11).get("description").asText());
    }
    // Checkpoints are written in the background; closing the connection waits for them.
    assertTrue(Files.exists(log("sales").resolve(String.format("%020d.checkpoint.parquet", 10))));
    try (Connection c = connect(); Statement s = c.createStatement()) {
      assertEquals("Daily sales, one row per order", remarks(c, "sales"));
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(amount) FROM sales")) {
        assertTrue(rs.next());
        assertEquals(11, rs.getLong(1));
        assertEquals("16.50", rs.getBigDecimal(2).toPlainString());
      }
      s.execute("CREATE TABLE plain (id INT)");
      assertNull(remarks(c, "plain"));
      JsonNode plain = metaData("plain", 0);
      assertTrue(!plain.has("description") || plain.get("description").isNull(), plain.toString());
    }
  }

  @Test
  void createOrReplaceAndCtasSetTheComment() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE src (id INT)");
      s.execute("INSERT INTO src VALUES (1), (2)");
      s.execute("CREATE TABLE copy COMMENT 'copied ''rows''' AS SELECT * FROM src");
      assertEquals("copied 'rows'", remarks(c, "copy"));

      s.execute("CREATE OR REPLACE TABLE copy (id BIGINT) COMMENT 'replaced'");
      assertEquals("replaced", remarks(c, "copy"));
      assertEquals("replaced", checksumMetadata("copy", 1).get("description").asText());
      // A REPLACE without a comment has none, as a new definition in Spark has none.
      s.execute("CREATE OR REPLACE TABLE copy (id BIGINT)");
      assertNull(remarks(c, "copy"));
      // Time travel still reads the first version.
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM copy FOR VERSION AS OF 0")) {
        assertTrue(rs.next());
        assertEquals(2, rs.getLong(1));
      }
    }
  }
}
