/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.onelake.testing.DuckDb;
import io.onelake.testing.TestLake;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet files the driver writes read back identically in another engine: DuckDB reads the files
 * of the table's latest version (and only those exist) and finds the driver's values, SNAPPY column
 * chunks and null counts in every chunk. Covers the driver's Parquet writer on all three write paths:
 * streamed JDBC batches into a partitioned table, an INSERT … SELECT column copy, and the row path.
 */
class ParquetInteropTest {
  private static final int ROWS = 30_000;
  private static final String COLUMNS = "id BIGINT NOT NULL, i INT, d DECIMAL(15,2), big DECIMAL(30,4), "
      + "s STRING, b BOOLEAN, f DOUBLE, r REAL, dt DATE, ts TIMESTAMP, bin BINARY, sm SMALLINT, "
      + "ti TINYINT";

  @TempDir
  Path dir;

  @Test
  void duckDbReadsWhatTheDriverWrote() throws Exception {
    Path root = dir.resolve("lake");
    TestLake lake = TestLake.local(root);
    DuckDb duckDb = DuckDb.installed();
    try (Connection c = lake.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (" + COLUMNS + ") PARTITIONED BY (ti)");
      s.execute("SET onelake_target_file_size = '200000'"); // several files per partition
      writeBatches(c);
      s.execute("RESET onelake_target_file_size");
      s.execute("CREATE TABLE copied (" + COLUMNS + ")");
      s.execute("INSERT INTO copied SELECT * FROM t"); // column-batch copy
      s.execute("CREATE TABLE computed (" + COLUMNS + ")");
      s.execute("INSERT INTO computed SELECT * FROM t WHERE MOD(id, 3) = 0"); // row path

      for (String table : List.of("t", "copied", "computed")) {
        Set<String> live = lake.liveFiles(table);
        assertFalse(live.isEmpty());
        assertEquals(live, lake.dataFiles(table), table + ": only the live files exist");
        String files = live.stream()
            .map(file -> "'" + root.resolve("Tables").resolve(table).resolve(file) + "'")
            .collect(Collectors.joining(", ", "[", "]"));
        String source = "read_parquet(" + files + ", hive_partitioning = " + table.equals("t") + ")";
        assertSameAggregates(c, table, duckDb, source);
        assertSameRows(c, table, duckDb, source);
        assertChunksAreSnappyWithStatistics(duckDb, files);
      }
    }
  }

  private static void writeBatches(Connection c) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int id = 0; id < ROWS; id++) {
        insert.setLong(1, id);
        if (id % 7 == 0) {
          insert.setNull(2, Types.INTEGER);
        } else {
          insert.setInt(2, id * 3);
        }
        insert.setBigDecimal(3, BigDecimal.valueOf(id, 2));
        insert.setBigDecimal(4, new BigDecimal("12345678901234567890." + String.format("%04d", id % 10_000)));
        if (id % 5 == 0) {
          insert.setNull(5, Types.VARCHAR);
        } else {
          insert.setString(5, "s-" + (id % 997) + "-ü");
        }
        insert.setBoolean(6, id % 2 == 0);
        insert.setDouble(7, id / 3.0);
        insert.setFloat(8, id / 8.0f);
        insert.setDate(9, java.sql.Date.valueOf(LocalDate.ofEpochDay(id % 3_000)));
        insert.setTimestamp(10, Timestamp.valueOf(LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(id)));
        insert.setBytes(11, new byte[] {(byte) id, (byte) (id >> 8)});
        insert.setShort(12, (short) (id % 30_000));
        insert.setByte(13, (byte) (id % 3));
        insert.addBatch();
        if ((id + 1) % 10_000 == 0) {
          insert.executeBatch();
        }
      }
    }
  }

  private static void assertSameAggregates(Connection c, String table, DuckDb duckDb, String source)
      throws SQLException {
    String aggregates = "COUNT(*), SUM(id), SUM(i), COUNT(i), SUM(d), MIN(big), MAX(big), COUNT(s), "
        + "MIN(s), MAX(s), SUM(CASE WHEN b THEN 1 ELSE 0 END), MIN(dt), MAX(dt), COUNT(bin), SUM(sm), "
        + "SUM(ti)";
    JsonNode theirs = duckDb.query("SELECT " + aggregates + " FROM " + source).get(0);
    try (Statement s = c.createStatement();
        ResultSet ours = s.executeQuery("SELECT " + aggregates + " FROM " + table)) {
      assertTrue(ours.next());
      int column = 1;
      for (JsonNode value : theirs) {
        assertEquals(ours.getString(column), value.asText(),
            table + ": aggregate " + column + " of [" + aggregates + "]");
        column++;
      }
      assertEquals(17, column);
    }
  }

  /** Some rows value by value, in forms both sides print the same. */
  private static void assertSameRows(Connection c, String table, DuckDb duckDb, String source)
      throws SQLException {
    String ids = "(0, 1, 2, 5, 7, 9_999, 12_345, 29_997)".replace("_", "");
    List<JsonNode> theirs = duckDb.query("SELECT id, i, CAST(d AS VARCHAR) AS d, CAST(big AS VARCHAR) AS big, "
        + "s, b, f, r, CAST(dt AS VARCHAR) AS dt, epoch_us(ts) AS ts, hex(bin) AS bin, sm, ti FROM "
        + source + " WHERE id IN " + ids + " ORDER BY id");
    try (Statement s = c.createStatement();
        ResultSet ours = s.executeQuery("SELECT id, i, d, big, s, b, f, r, dt, ts, bin, sm, ti FROM "
            + table + " WHERE id IN " + ids + " ORDER BY id")) {
      for (JsonNode row : theirs) {
        assertTrue(ours.next(), table + ": DuckDB read more rows than the driver");
        String where = table + ", id " + ours.getLong("id");
        assertEquals(ours.getLong("id"), row.get("id").asLong(), where);
        assertEquals(ours.getObject("i") == null, row.get("i").isNull(), where);
        if (!row.get("i").isNull()) {
          assertEquals(ours.getInt("i"), row.get("i").asInt(), where);
        }
        assertEquals(ours.getBigDecimal("d").toPlainString(), row.get("d").asText(), where);
        assertEquals(ours.getBigDecimal("big").toPlainString(), row.get("big").asText(), where);
        assertEquals(ours.getString("s"), row.get("s").isNull() ? null : row.get("s").asText(), where);
        assertEquals(ours.getBoolean("b"), row.get("b").asBoolean(), where);
        assertEquals(ours.getDouble("f"), row.get("f").asDouble(), where);
        assertEquals(ours.getFloat("r"), (float) row.get("r").asDouble(), where);
        assertEquals(ours.getDate("dt").toString(), row.get("dt").asText(), where);
        // The session is in UTC, as the timestamp column's instants are.
        assertEquals(ours.getTimestamp("ts").getTime() * 1000, row.get("ts").asLong(), where);
        assertEquals(hex(ours.getBytes("bin")), row.get("bin").asText(), where);
        assertEquals(ours.getShort("sm"), (short) row.get("sm").asInt(), where);
        assertEquals(ours.getByte("ti"), (byte) row.get("ti").asInt(), where);
      }
      assertFalse(ours.next(), table + ": the driver read more rows than DuckDB");
    }
  }

  private static void assertChunksAreSnappyWithStatistics(DuckDb duckDb, String files) {
    List<JsonNode> chunks = duckDb.query("SELECT path_in_schema, compression, stats_null_count "
        + "FROM parquet_metadata(" + files + ")");
    assertFalse(chunks.isEmpty());
    for (JsonNode chunk : chunks) {
      assertEquals("SNAPPY", chunk.get("compression").asText(), chunk.toString());
      assertFalse(chunk.get("stats_null_count").isNull(), "null count written: " + chunk);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(String.format("%02X", b));
    }
    return text.toString();
  }
}
