/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes into many more partitions than {@link DeltaWriter#MAX_OPEN_FILES}, with every row going to
 * another partition than the one before: each row arrives once and in the file of its partition, and
 * the writer neither holds every partition's rows nor makes a file per row.
 */
class PartitionedWriteTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path lake;

  @Test
  void manyPartitionsInMixedOrderMakeOneFileEach() throws Exception {
    int rows = 30_000;
    int partitions = 250;
    try (Connection c = connect(); Statement s = c.createStatement()) {
      source(c, rows, partitions);
      s.execute("CREATE TABLE dst (id BIGINT, name VARCHAR, p INT) PARTITIONED BY (p)");
      assertEquals(rows, s.executeUpdate("INSERT INTO dst SELECT id, name, p FROM src"));
      check(s, rows, partitions);
    }
    // All rows fit the buffers: one file per partition.
    assertEquals(partitions, addActions().size());
  }

  @Test
  void smallBuffersFlushTheLargestPartitionNotEveryRow() throws Exception {
    int rows = 20_000;
    int partitions = 100;
    int batchRows = 500;
    try (Connection c = connect(); Statement s = c.createStatement()) {
      source(c, rows, partitions);
      s.execute("SET onelake_write_batch_size = '" + batchRows + "'");
      s.execute("CREATE TABLE dst (id BIGINT, name VARCHAR, p INT) PARTITIONED BY (p)");
      assertEquals(rows, s.executeUpdate("INSERT INTO dst SELECT id, name, p FROM src"));
      check(s, rows, partitions);
    }
    // The buffers hold MAX_OPEN_FILES batches of rows together; when they are full, the largest
    // partition (about budget / partitions rows) goes to a file, so files hold that many rows.
    int budget = DeltaWriter.MAX_OPEN_FILES * batchRows;
    int files = addActions().size();
    assertTrue(files <= 2 * rows / (budget / partitions), files + " files");
  }

  /** Every row once, in the partition of its id, and the files of each partition say so. */
  private void check(Statement s, int rows, int partitions) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id), SUM(id), "
        + "COUNT(DISTINCT p), SUM(CASE WHEN p = MOD(id, " + partitions + ") AND name = 'n' || "
        + "CAST(id AS VARCHAR) THEN 1 ELSE 0 END) FROM dst")) {
      assertTrue(rs.next());
      assertEquals(rows, rs.getLong(1));
      assertEquals(rows, rs.getLong(2));
      assertEquals((long) rows * (rows - 1) / 2, rs.getLong(3));
      assertEquals(partitions, rs.getLong(4));
      assertEquals(rows, rs.getLong(5));
    }
    Map<String, Long> rowsPerPartition = new HashMap<>();
    for (JsonNode add : addActions()) {
      String p = add.get("partitionValues").get("p").asText();
      assertTrue(add.get("path").asText().startsWith("p=" + p + "/"), add.toString());
      long records = JSON.readTree(add.get("stats").asText()).get("numRecords").asLong();
      rowsPerPartition.merge(p, records, Long::sum);
    }
    for (int p = 0; p < partitions; p++) {
      long expected = rows / partitions + (p < rows % partitions ? 1 : 0);
      assertEquals(expected, rowsPerPartition.get(Integer.toString(p)), "rows of partition " + p);
    }
  }

  /** {@code src}: ids 0..rows-1 in order, so consecutive rows fall into different partitions. */
  private static void source(Connection c, int rows, int partitions) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE src (id BIGINT, name VARCHAR, p INT)");
    }
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO src VALUES (?, ?, ?)")) {
      for (int id = 0; id < rows; id++) {
        insert.setLong(1, id);
        insert.setString(2, "n" + id);
        insert.setInt(3, id % partitions);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private List<JsonNode> addActions() throws Exception {
    Path log = lake.resolve("Tables/dst/_delta_log");
    try (Stream<Path> files = Files.list(log)) {
      List<Path> commits = files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json"))
          .sorted().toList();
      java.util.ArrayList<JsonNode> adds = new java.util.ArrayList<>();
      for (Path commit : commits) {
        for (String line : Files.readAllLines(commit)) {
          if (!line.isBlank() && JSON.readTree(line).has("add")) {
            adds.add(JSON.readTree(line).get("add"));
          }
        }
      }
      return adds;
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + lake);
  }
}
