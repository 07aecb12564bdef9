/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onelake.OneLakeException;
import io.onelake.delta.WriteOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {
  private static SessionSettings defaults() {
    return new SessionSettings(Map.of());
  }

  @Test
  void defaultsMatchTheSpec() {
    SessionSettings settings = defaults();
    assertEquals("append", settings.get(SessionSetting.INSERT_MODE));
    assertEquals("", settings.get(SessionSetting.SCHEMA_MODE));
    assertEquals("false", settings.get(SessionSetting.SAFE_CAST));
    assertEquals("snappy", settings.get(SessionSetting.PARQUET_COMPRESSION));
    assertEquals("false", settings.get(SessionSetting.ALLOW_DESTRUCTIVE_OPERATIONS));
    assertEquals("true", settings.get(SessionSetting.VACUUM_RETENTION_CHECK));
    assertFalse(settings.flag(SessionSetting.SAFE_CAST));
    assertFalse(settings.flag(SessionSetting.ALLOW_DESTRUCTIVE_OPERATIONS));
    assertTrue(settings.flag(SessionSetting.VACUUM_RETENTION_CHECK));
    assertEquals(Duration.ofSeconds(5), settings.metadataCacheTtl());
    WriteOptions options = settings.writeOptions();
    assertEquals("SNAPPY", options.compression());
    assertEquals(128L * 1024 * 1024, options.targetFileSizeBytes());
    assertEquals(WriteOptions.DEFAULT_BATCH_ROWS, options.batchRows());
  }

  @Test
  void allListsEverySettingInOrder() {
    List<Map.Entry<String, String>> all = defaults().all();
    assertEquals(SessionSetting.values().length, all.size());
    assertEquals(Map.entry("onelake_insert_mode", "append"), all.get(0));
    assertEquals("onelake_vacuum_retention_check", all.get(all.size() - 1).getKey());
  }

  @Test
  void bareWordsAndQuotedValuesNormalizeTheSame() {
    SessionSettings settings = defaults();
    settings.set(SessionSetting.INSERT_MODE, "Overwrite");
    assertEquals("overwrite", settings.get(SessionSetting.INSERT_MODE));
    settings.set(SessionSetting.INSERT_MODE, "  ERROR_IF_EXISTS ");
    assertEquals("error_if_exists", settings.get(SessionSetting.INSERT_MODE));
    settings.set(SessionSetting.PARQUET_COMPRESSION, "ZSTD");
    assertEquals("zstd", settings.get(SessionSetting.PARQUET_COMPRESSION));
    assertEquals("ZSTD", settings.writeOptions().compression());
    settings.set(SessionSetting.SAFE_CAST, "TRUE");
    assertTrue(settings.flag(SessionSetting.SAFE_CAST));
  }

  @Test
  void quotedValuesThroughSqlAreTheSameAsBareWords() throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:onelake:file:"
        + java.nio.file.Files.createTempDirectory("settings"));
        java.sql.Statement s = c.createStatement()) {
      s.execute("SET onelake_insert_mode = 'overwrite'");
      assertEquals("overwrite", showSetting(s, "onelake_insert_mode"));
      s.execute("SET onelake_insert_mode = ignore");
      assertEquals("ignore", showSetting(s, "onelake_insert_mode"));
      s.execute("SET onelake_target_file_size = '1MB'");
      assertEquals("1MB", showSetting(s, "onelake_target_file_size"));
      s.execute("RESET onelake_insert_mode");
      assertEquals("append", showSetting(s, "onelake_insert_mode"));
      java.sql.SQLException e = assertThrows(java.sql.SQLException.class,
          () -> s.execute("SET onelake_parquet_compression = 'lz4'"));
      assertTrue(e.getMessage().contains("onelake_parquet_compression"), e.getMessage());
      assertEquals("22023", e.getSQLState());
    }
  }

  private static String showSetting(java.sql.Statement s, String name) throws java.sql.SQLException {
    try (java.sql.ResultSet rs = s.executeQuery("SHOW SETTINGS")) {
      while (rs.next()) {
        if (rs.getString(1).equals(name)) {
          return rs.getString(2);
        }
      }
    }
    throw new AssertionError("SHOW SETTINGS has no " + name);
  }

  @Test
  void initialValuesAreNormalizedAndResetGoesBackToThem() {
    SessionSettings settings = new SessionSettings(Map.of(SessionSetting.INSERT_MODE, "IGNORE"));
    assertEquals("ignore", settings.get(SessionSetting.INSERT_MODE));
    settings.set(SessionSetting.INSERT_MODE, "overwrite");
    settings.set(SessionSetting.PARQUET_COMPRESSION, "gzip");
    settings.reset(SessionSetting.INSERT_MODE);
    assertEquals("ignore", settings.get(SessionSetting.INSERT_MODE));
    assertEquals("gzip", settings.get(SessionSetting.PARQUET_COMPRESSION));
    settings.resetAll();
    assertEquals("snappy", settings.get(SessionSetting.PARQUET_COMPRESSION));
  }

  @Test
  void badEnumValueNamesSettingAndAllowedValues() {
    OneLakeException e = assertThrows(OneLakeException.class,
        () -> defaults().set(SessionSetting.INSERT_MODE, "upsert"));
    assertEquals(OneLakeException.INVALID_PARAMETER_VALUE, e.sqlState());
    String message = e.getMessage();
    assertTrue(message.contains("onelake_insert_mode"), message);
    assertTrue(message.contains("upsert"), message);
    for (String allowed : List.of("append", "overwrite", "error_if_exists", "ignore")) {
      assertTrue(message.contains(allowed), message);
    }
    OneLakeException codec = assertThrows(OneLakeException.class,
        () -> defaults().set(SessionSetting.PARQUET_COMPRESSION, "lz4"));
    for (String allowed : List.of("onelake_parquet_compression", "snappy", "zstd", "gzip", "uncompressed")) {
      assertTrue(codec.getMessage().contains(allowed), codec.getMessage());
    }
  }

  @Test
  void badFlagValueIsRejected() {
    OneLakeException e = assertThrows(OneLakeException.class,
        () -> defaults().set(SessionSetting.ALLOW_DESTRUCTIVE_OPERATIONS, "yes"));
    assertTrue(e.getMessage().contains("onelake_allow_destructive_operations"), e.getMessage());
    assertTrue(e.getMessage().contains("true") && e.getMessage().contains("false"), e.getMessage());
  }

  @Test
  void badInitialValueIsRejected() {
    OneLakeException e = assertThrows(OneLakeException.class,
        () -> new SessionSettings(Map.of(SessionSetting.SCHEMA_MODE, "replace")));
    assertTrue(e.getMessage().contains("onelake_schema_mode"), e.getMessage());
  }

  @Test
  void failedSetKeepsTheOldValue() {
    SessionSettings settings = defaults();
    settings.set(SessionSetting.PARQUET_COMPRESSION, "gzip");
    assertThrows(OneLakeException.class, () -> settings.set(SessionSetting.PARQUET_COMPRESSION, "brotli"));
    assertEquals("gzip", settings.get(SessionSetting.PARQUET_COMPRESSION));
  }

  @Test
  void sizes() {
    assertEquals(128L << 20, targetFileSize("128MB"));
    assertEquals(128L << 20, targetFileSize("128mb"));
    assertEquals(128L << 20, targetFileSize("128 MiB"));
    assertEquals(1L << 30, targetFileSize("1g"));
    assertEquals(1L << 30, targetFileSize("1GB"));
    assertEquals(134217728L, targetFileSize("134217728"));
    assertEquals(64L << 10, targetFileSize("64k"));
  }

  private static long targetFileSize(String text) {
    SessionSettings settings = defaults();
    settings.set(SessionSetting.TARGET_FILE_SIZE, text);
    return settings.writeOptions().targetFileSizeBytes();
  }

  @Test
  void badSizesNameTheSetting() {
    for (String bad : List.of("", "abc", "-1", "12 parsecs", "1.5GB", "0")) {
      OneLakeException e = assertThrows(OneLakeException.class,
          () -> defaults().set(SessionSetting.TARGET_FILE_SIZE, bad), bad);
      assertEquals(OneLakeException.INVALID_PARAMETER_VALUE, e.sqlState());
      assertTrue(e.getMessage().contains("onelake_target_file_size"), e.getMessage());
    }
  }

  @Test
  void durations() {
    assertEquals(Duration.ofSeconds(5), ttl("5s"));
    assertEquals(Duration.ofMillis(500), ttl("500ms"));
    assertEquals(Duration.ZERO, ttl("0"));
    assertEquals(Duration.ofSeconds(30), ttl("30"));
    assertEquals(Duration.ofMinutes(2), ttl("2m"));
    assertEquals(Duration.ofHours(1), ttl("1H"));
  }

  private static Duration ttl(String text) {
    SessionSettings settings = defaults();
    settings.set(SessionSetting.METADATA_CACHE_TTL, text);
    return settings.metadataCacheTtl();
  }

  @Test
  void badDurationsNameTheSetting() {
    for (String bad : List.of("", "soon", "-5s", "5 days", "1.5s")) {
      OneLakeException e = assertThrows(OneLakeException.class,
          () -> defaults().set(SessionSetting.METADATA_CACHE_TTL, bad), bad);
      assertTrue(e.getMessage().contains("onelake_metadata_cache_ttl"), e.getMessage());
    }
  }

  @Test
  void writeBatchSize() {
    SessionSettings settings = defaults();
    settings.set(SessionSetting.WRITE_BATCH_SIZE, "1000");
    assertEquals(1000, settings.writeOptions().batchRows());
    settings.set(SessionSetting.WRITE_BATCH_SIZE, "0");
    assertEquals(WriteOptions.DEFAULT_BATCH_ROWS, settings.writeOptions().batchRows());
    OneLakeException e = assertThrows(OneLakeException.class,
        () -> settings.set(SessionSetting.WRITE_BATCH_SIZE, "-1"));
    assertTrue(e.getMessage().contains("onelake_write_batch_size"), e.getMessage());
  }

  @Test
  void settingNamesAreCaseInsensitive() {
    assertEquals(SessionSetting.INSERT_MODE, SessionSetting.byName("ONELAKE_INSERT_MODE").orElseThrow());
    assertTrue(SessionSetting.byName("onelake_nonsense").isEmpty());
  }
}
