/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.onelake.testing.AzuriteExtension;
import io.onelake.testing.AzuriteProcess;
import io.onelake.testing.TestLake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** JDBC batches are one Delta commit; failed batches leave no trace; every parameter type round-trips. */
@ExtendWith(AzuriteExtension.class)
class BatchInsertTest {
  @TempDir
  Path dir;

  private TestLake local() {
    return TestLake.local(dir.resolve("lake"));
  }

  private static TestLake azurite(AzuriteProcess azurite) {
    return TestLake.azurite(azurite, "batch");
  }

  @Test
  void batchIsOneCommitLocal() throws Exception {
    batchIsOneCommit(local());
  }

  @Test
  void batchIsOneCommitAzurite(AzuriteProcess azurite) throws Exception {
    batchIsOneCommit(azurite(azurite));
  }

  private static void batchIsOneCommit(TestLake lake) throws Exception {
    try (Connection c = lake.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INT NOT NULL, v STRING)");
      }
      assertEquals(Set.of(String.format("%020d.json", 0)), lake.commits("t"));
      try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        for (int i = 0; i < 1000; i++) {
          p.setInt(1, i);
          p.setString(2, "v" + i);
          p.addBatch();
        }
        int[] counts = p.executeBatch();
        int[] ones = new int[1000];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, counts);
      }
      assertEquals(Set.of(String.format("%020d.json", 0), String.format("%020d.json", 1)),
          lake.commits("t"));
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id), "
              + "SUM(CASE WHEN v = 'v' || CAST(id AS VARCHAR) THEN 1 ELSE 0 END) FROM t")) {
        assertTrue(rs.next());
        assertEquals(1000, rs.getLong(1));
        assertEquals(1000, rs.getLong(2));
        assertEquals(0, rs.getInt(3));
        assertEquals(999, rs.getInt(4));
        assertEquals(1000, rs.getLong(5));
      }
      // a second batch on the same statement is again one commit
      try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        for (int i = 1000; i < 1010; i++) {
          p.setInt(1, i);
          p.setString(2, "v" + i);
          p.addBatch();
        }
        assertEquals(10, p.executeBatch().length);
      }
      assertEquals(3, lake.commits("t").size());
      assertEquals(1010, count(c, "t"));
    }
  }

  @Test
  void failedBatchLeavesTableUnchangedLocal() throws Exception {
    failedBatchLeavesTableUnchanged(local());
  }

  @Test
  void failedBatchLeavesTableUnchangedAzurite(AzuriteProcess azurite) throws Exception {
    failedBatchLeavesTableUnchanged(azurite(azurite));
  }

  private static void failedBatchLeavesTableUnchanged(TestLake lake) throws Exception {
    try (Connection c = lake.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INT NOT NULL, v STRING)");
        s.execute("INSERT INTO t VALUES (-1, 'before'), (-2, 'before')");
      }
      Set<String> commits = lake.commits("t");
      Set<String> files = lake.dataFiles("t");
      assertEquals(2, commits.size());
      assertEquals(1, files.size());
      try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        for (int i = 0; i < 1000; i++) {
          if (i == 700) {
            p.setNull(1, Types.INTEGER);
          } else {
            p.setInt(1, i);
          }
          p.setString(2, "v" + i);
          p.addBatch();
        }
        SQLException e = assertThrows(SQLException.class, p::executeBatch);
        assertTrue(e instanceof BatchUpdateException || "23502".equals(e.getSQLState()),
            e + " state " + e.getSQLState());
        assertEquals("23502", notNullState(e), e.toString());
      }
      assertEquals(commits, lake.commits("t"));
      assertEquals(files, lake.dataFiles("t"), "a failed batch must remove the files it wrote");
      assertEquals(2, count(c, "t"));
      // the connection still works and the next statement commits normally
      try (Statement s = c.createStatement()) {
        assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (3, 'after')"));
      }
      assertEquals(3, count(c, "t"));
      assertEquals(3, lake.commits("t").size());
    }
  }

  /** The SQLState of the exception or of its first chained exception that has one. */
  private static String notNullState(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (next.getSQLState() != null) {
        return next.getSQLState();
      }
    }
    return null;
  }

  @Test
  void everyParameterTypeRoundTripsLocal() throws Exception {
    everyParameterTypeRoundTrips(local());
  }

  @Test
  void everyParameterTypeRoundTripsAzurite(AzuriteProcess azurite) throws Exception {
    everyParameterTypeRoundTrips(azurite(azurite));
  }

  private static void everyParameterTypeRoundTrips(TestLake lake) throws Exception {
    Timestamp ts = Timestamp.from(Instant.parse("2024-05-06T07:08:09.123Z"));
    Date date = Date.valueOf("2024-02-29");
    BigDecimal decimal = new BigDecimal("-12345678901234.56789");
    byte[] bytes = {0, 1, 2, (byte) 0xff, 127, -128};
    try (Connection c = lake.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE all_types (c_int INT, c_long BIGINT, c_short SMALLINT, c_byte TINYINT, "
            + "c_float FLOAT, c_double DOUBLE, c_decimal DECIMAL(20,5), c_string STRING, c_bool BOOLEAN, "
            + "c_bin BINARY, c_date DATE, c_ts TIMESTAMP)");
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO all_types VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        p.setInt(1, Integer.MIN_VALUE);
        p.setLong(2, Long.MAX_VALUE);
        p.setShort(3, Short.MIN_VALUE);
        p.setByte(4, Byte.MAX_VALUE);
        p.setFloat(5, 1.25e-3f);
        p.setDouble(6, Math.PI);
        p.setBigDecimal(7, decimal);
        p.setString(8, "héllo, wörld ✓");
        p.setBoolean(9, true);
        p.setBytes(10, bytes);
        p.setDate(11, date);
        p.setTimestamp(12, ts);
        assertEquals(1, p.executeUpdate());
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM all_types")) {
        assertTrue(rs.next());
        assertEquals(Integer.MIN_VALUE, rs.getInt("c_int"));
        assertEquals(Long.MAX_VALUE, rs.getLong("c_long"));
        assertEquals(Short.MIN_VALUE, rs.getShort("c_short"));
        assertEquals(Byte.MAX_VALUE, rs.getByte("c_byte"));
        assertEquals(1.25e-3f, rs.getFloat("c_float"));
        assertEquals(Math.PI, rs.getDouble("c_double"));
        assertEquals(decimal, rs.getBigDecimal("c_decimal"));
        assertEquals("héllo, wörld ✓", rs.getString("c_string"));
        assertTrue(rs.getBoolean("c_bool"));
        assertArrayEquals(bytes, rs.getBytes("c_bin"));
        assertEquals(date.toString(), rs.getDate("c_date").toString());
        assertEquals(ts.getTime(), rs.getTimestamp("c_ts").getTime(),
            "expected " + ts.toInstant() + " got " + rs.getTimestamp("c_ts").toInstant());
        assertFalse(rs.next());
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT CAST(c_ts AS VARCHAR) FROM all_types")) {
        assertTrue(rs.next());
        // The session time zone's wall-clock time; Calcite's CAST to VARCHAR omits fractional seconds.
        assertEquals("2024-05-06 07:08:09", rs.getString(1));
      }
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }
}
