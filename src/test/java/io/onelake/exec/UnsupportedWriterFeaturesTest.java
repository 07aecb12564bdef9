/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
 * Tables that use writer features the driver cannot honour (CHECK constraints, generated or identity
 * columns, ...) are read, but every write is refused with SQLState 0A000 and leaves no trace: writing
 * them without enforcing the feature would corrupt them for other engines.
 */
class UnsupportedWriterFeaturesTest {
  private static final String SCHEMA = "{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":[{\\\"name\\\":\\\"id\\\","
      + "\\\"type\\\":\\\"integer\\\",\\\"nullable\\\":true,\\\"metadata\\\":%s}]}";

  @TempDir
  Path lakehouse;

  @Test
  void checkConstraintsAreNotWritten() throws Exception {
    writeTable("checked", "{\"minReaderVersion\":1,\"minWriterVersion\":3}", "{}",
        "{\"delta.constraints.positive\":\"id > 0\"}");
    assertWritesRefused("checked");
  }

  @Test
  void generatedColumnsAreNotWritten() throws Exception {
    writeTable("generated", "{\"minReaderVersion\":1,\"minWriterVersion\":4}",
        "{\\\"delta.generationExpression\\\":\\\"1 + 1\\\"}", "{}");
    assertWritesRefused("generated");
  }

  @Test
  void identityColumnsAreNotWritten() throws Exception {
    writeTable("with_identity", "{\"minReaderVersion\":1,\"minWriterVersion\":6}",
        "{\\\"delta.identity.start\\\":1,\\\"delta.identity.step\\\":1,"
            + "\\\"delta.identity.allowExplicitInsert\\\":false}", "{}");
    assertWritesRefused("with_identity");
  }

  private void assertWritesRefused(String table) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:onelake:file:" + lakehouse);
        Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
        assertTrue(rs.next());
        assertEquals(0, rs.getLong(1));
      }
      for (String sql : List.of("INSERT INTO " + table + " VALUES (1)",
          "INSERT OVERWRITE " + table + " VALUES (1)", "TRUNCATE TABLE " + table)) {
        SQLException error = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
        assertEquals("0A000", error.getSQLState(), sql + ": " + error.getMessage());
      }
    }
    Path tableDir = lakehouse.resolve("Tables").resolve(table);
    try (Stream<Path> files = Files.walk(tableDir)) {
      assertEquals(List.of(tableDir.resolve("_delta_log/00000000000000000000.json")),
          files.filter(Files::isRegularFile).toList(), "no data files and no new commits");
    }
  }

  private void writeTable(String name, String protocol, String fieldMetadata, String configuration)
      throws Exception {
    Path log = lakehouse.resolve("Tables").resolve(name).resolve("_delta_log");
    Files.createDirectories(log);
    String metaData = "{\"metaData\":{\"id\":\"" + java.util.UUID.randomUUID()
        + "\",\"format\":{\"provider\":\"parquet\",\"options\":{}},\"schemaString\":\""
        + String.format(SCHEMA, fieldMetadata) + "\",\"partitionColumns\":[],\"configuration\":"
        + configuration + ",\"createdTime\":1700000000000}}";
    String commit = "{\"commitInfo\":{\"timestamp\":1700000000000,\"operation\":\"CREATE TABLE\"}}\n"
        + "{\"protocol\":" + protocol + "}\n" + metaData + "\n";
    Files.writeString(log.resolve("00000000000000000000.json"), commit, StandardCharsets.UTF_8);
  }
}
