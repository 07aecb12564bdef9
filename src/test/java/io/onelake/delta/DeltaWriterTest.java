/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writer puts on disk: Parquet codecs and types, Delta log actions, file sizes, checkpoints. */
class DeltaWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path lake;

  @BeforeEach
  void setUp() throws IOException {
    lake = Files.createDirectories(dir.resolve("lake"));
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + lake + ";timeZone=UTC");
  }

  private Path table(String name) {
    return lake.resolve("Tables").resolve(name);
  }

  private List<Path> dataFiles(String name) throws IOException {
    try (Stream<Path> files = Files.walk(table(name))) {
      return files.filter(f -> f.toString().endsWith(".parquet"))
          .filter(f -> !table(name).relativize(f).startsWith("_delta_log"))
          .sorted().toList();
    }
  }

  private List<JsonNode> actions(String name, String kind) throws IOException {
    List<JsonNode> result = new ArrayList<>();
    try (Stream<Path> files = Files.list(table(name).resolve("_delta_log"))) {
      for (Path commit : files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json"))
          .sorted().toList()) {
        for (String line : Files.readAllLines(commit)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode action = JSON.readTree(line);
          if (action.has(kind)) {
            result.add(action.get(kind));
          }
        }
      }
    }
    return result;
  }

  private static ParquetFileReader open(Path file) throws IOException {
    return ParquetFileReader.open(new LocalInputFile(file));
  }

  private static CompressionCodecName codec(Path file) throws IOException {
    try (ParquetFileReader reader = open(file)) {
      List<BlockMetaData> blocks = reader.getFooter().getBlocks();
      assertFalse(blocks.isEmpty(), file + " has no row groups");
      CompressionCodecName codec = blocks.get(0).getColumns().get(0).getCodec();
      for (BlockMetaData block : blocks) {
        for (ColumnChunkMetaData column : block.getColumns()) {
          assertEquals(codec, column.getCodec(), column.getPath().toDotString());
        }
      }
      return codec;
    }
  }

  @Test
  void defaultCodecIsSnappy() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id BIGINT, name STRING)");
      s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, NULL)");
    }
    List<Path> files = dataFiles("t");
    assertEquals(1, files.size());
    assertEquals(CompressionCodecName.SNAPPY, codec(files.get(0)));
  }

  @Test
  void zstdSetting() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id BIGINT, name STRING)");
      s.execute("SET onelake_parquet_compression = 'zstd'");
      s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      s.execute("SET onelake_parquet_compression = gzip");
      s.execute("INSERT INTO t VALUES (3, 'c')");
      s.execute("RESET onelake_parquet_compression");
      s.execute("INSERT INTO t VALUES (4, 'd')");
      try (ResultSet rs = s.executeQuery("SELECT SUM(id) FROM t")) {
        assertTrue(rs.next());
        assertEquals(10, rs.getLong(1));
      }
    }
    List<JsonNode> adds = actions("t", "add");
    assertEquals(3, adds.size());
    List<CompressionCodecName> codecs = new ArrayList<>();
    for (JsonNode add : adds) {
      codecs.add(codec(table("t").resolve(add.get("path").asText())));
    }
    assertEquals(List.of(CompressionCodecName.ZSTD, CompressionCodecName.GZIP, CompressionCodecName.SNAPPY),
        codecs);
  }

  @Test
  void compressionAsConnectionProperty() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:onelake:file:" + lake
        + ";onelake_parquet_compression=uncompressed"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id BIGINT)");
      s.execute("INSERT INTO t VALUES (1)");
    }
    assertEquals(CompressionCodecName.UNCOMPRESSED, codec(dataFiles("t").get(0)));
  }

  @Test
  void everyAddHasStats() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, name STRING, amount DECIMAL(10,2), part STRING) PARTITIONED BY (part)");
      s.execute("INSERT INTO t VALUES (1, 'x', 1.50, 'a'), (5, NULL, 2.25, 'a'), (3, 'z', NULL, 'b')");
      s.execute("INSERT INTO t VALUES (10, 'q', 9.99, 'a')");
    }
    List<JsonNode> adds = actions("t", "add");
    assertEquals(3, adds.size());
    long total = 0;
    for (JsonNode add : adds) {
      assertTrue(add.hasNonNull("stats"), add.toString());
      JsonNode stats = JSON.readTree(add.get("stats").asText());
      for (String field : List.of("numRecords", "minValues", "maxValues", "nullCount")) {
        assertTrue(stats.has(field), field + " missing in " + stats);
      }
      total += stats.get("numRecords").asLong();
      assertTrue(add.get("dataChange").asBoolean());
      assertTrue(add.get("size").asLong() > 0);
      assertTrue(add.has("partitionValues"));
      assertTrue(stats.get("minValues").has("id"), stats.toString());
    }
    assertEquals(4, total);
    JsonNode first = adds.stream()
        .filter(a -> a.get("partitionValues").get("part").asText().equals("a"))
        .map(a -> {
          try {
            return JSON.readTree(a.get("stats").asText());
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        })
        .filter(st -> st.get("numRecords").asLong() == 2).findFirst().orElseThrow();
    assertEquals(1, first.get("minValues").get("id").asInt());
    assertEquals(5, first.get("maxValues").get("id").asInt());
    assertEquals(1, first.get("nullCount").get("name").asInt());
    assertEquals(0, first.get("nullCount").get("id").asInt());
    assertEquals("x", first.get("minValues").get("name").asText());
  }

  @Test
  void protocolIsMinimalForAPlainTable() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT NOT NULL, ts TIMESTAMP, d DATE)");
      s.execute("INSERT INTO t VALUES (1, TIMESTAMP '2024-01-01 00:00:00', DATE '2024-01-01')");
    }
    List<JsonNode> protocols = actions("t", "protocol");
    assertEquals(1, protocols.size());
    JsonNode protocol = protocols.get(0);
    assertEquals(1, protocol.get("minReaderVersion").asInt(), protocol.toString());
    assertEquals(2, protocol.get("minWriterVersion").asInt(), protocol.toString());
    assertFalse(protocol.has("readerFeatures"), protocol.toString());
    assertFalse(protocol.has("writerFeatures"), protocol.toString());
    assertEquals(1, actions("t", "metaData").size());
    assertEquals(2, actions("t", "commitInfo").size());
  }

  @Test
  void timestampIsInt64MicrosAdjustedToUtc() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, ts TIMESTAMP)");
      try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (1, ?)")) {
        p.setTimestamp(1, java.sql.Timestamp.from(Instant.parse("2024-01-02T03:04:05.123Z")));
        assertEquals(1, p.executeUpdate());
      }
      try (ResultSet rs = s.executeQuery("SELECT ts FROM t")) {
        assertTrue(rs.next());
        assertEquals(Instant.parse("2024-01-02T03:04:05.123Z"), rs.getTimestamp(1).toInstant());
      }
    }
    try (ParquetFileReader reader = open(dataFiles("t").get(0))) {
      Type ts = reader.getFooter().getFileMetaData().getSchema().getType("ts");
      assertTrue(ts.isPrimitive());
      PrimitiveType primitive = ts.asPrimitiveType();
      assertEquals(PrimitiveType.PrimitiveTypeName.INT64, primitive.getPrimitiveTypeName());
      assertEquals(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS),
          primitive.getLogicalTypeAnnotation());
      // the stored value is the instant in microseconds since the epoch
      ColumnChunkMetaData chunk = reader.getFooter().getBlocks().get(0).getColumns().stream()
          .filter(col -> col.getPath().toDotString().equals("ts")).findFirst().orElseThrow();
      long micros = Instant.parse("2024-01-02T03:04:05Z").getEpochSecond() * 1_000_000L + 123_000L;
      assertEquals(micros, (Long) chunk.getStatistics().genericGetMin());
      assertEquals(micros, (Long) chunk.getStatistics().genericGetMax());
    }
  }

  @Test
  void smallTargetFileSizeSplitsFiles() throws Exception {
    Random random = new Random(42);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    int rows = 40_000;
    try (Connection c = connect()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE src (id INT, payload STRING)");
        s.execute("CREATE TABLE big (id INT, payload STRING)");
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO src VALUES (?, ?)")) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows; i++) {
          text.setLength(0);
          for (int j = 0; j < 100; j++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
          }
          p.setInt(1, i);
          p.setString(2, text.toString());
          p.addBatch();
        }
        p.executeBatch();
      }
      assertEquals(1, dataFiles("src").size());
      try (Statement s = c.createStatement()) {
        s.execute("SET onelake_target_file_size = '1MB'");
        assertEquals(rows, s.executeUpdate("INSERT INTO big SELECT * FROM src"));
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id) FROM big")) {
          assertTrue(rs.next());
          assertEquals(rows, rs.getLong(1));
          assertEquals(rows, rs.getLong(2));
        }
      }
    }
    List<Path> files = dataFiles("big");
    assertTrue(files.size() >= 3, "expected several files for ~4 MB at 1 MB each, got " + files.size());
    List<JsonNode> adds = actions("big", "add");
    assertEquals(files.size(), adds.size());
    long sum = 0;
    for (JsonNode add : adds) {
      sum += JSON.readTree(add.get("stats").asText()).get("numRecords").asLong();
      assertTrue(add.get("size").asLong() < 3L * 1024 * 1024, add.toString());
    }
    assertEquals(rows, sum);
  }

  @Test
  void checkpointInterval() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT) TBLPROPERTIES ('delta.checkpointInterval' = '2')");
      for (int i = 1; i <= 4; i++) {
        s.execute("INSERT INTO t VALUES (" + i + ")");
      }
    }
    Path log = table("t").resolve("_delta_log");
    assertTrue(Files.exists(log.resolve("_last_checkpoint")), "no _last_checkpoint");
    List<String> checkpoints;
    try (Stream<Path> files = Files.list(log)) {
      checkpoints = files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".checkpoint.parquet")).sorted().toList();
    }
    assertTrue(checkpoints.contains(String.format("%020d.checkpoint.parquet", 4)), checkpoints.toString());
    JsonNode last = JSON.readTree(Files.readString(log.resolve("_last_checkpoint")));
    assertEquals(4, last.get("version").asLong());
    // a fresh connection reads the table through the checkpoint
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(id) FROM t")) {
      assertTrue(rs.next());
      assertEquals(4, rs.getLong(1));
      assertEquals(10, rs.getLong(2));
    }
  }

  @Test
  void failedInsertAfterGoodRowsKeepsItsStateAndLeavesNoFiles() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT NOT NULL, name STRING)");
      SQLException e = assertThrows(SQLException.class,
          () -> s.executeUpdate("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (CAST(NULL AS INT), 'c')"));
      assertEquals("23502", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("id"), e.getMessage());
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getLong(1));
      }
    }
    assertEquals(List.of(), dataFiles("t"));
    assertEquals(List.of(), actions("t", "add"));
  }
}
