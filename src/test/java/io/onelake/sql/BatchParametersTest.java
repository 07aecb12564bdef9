/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDBC batches of {@code INSERT ... VALUES (?, ...)} take the bulk path: parameters become rows of one
 * write, with the same conversions and errors as SQL assignment casts.
 */
class BatchParametersTest {
  @TempDir
  Path lakehouse;

  @Test
  void parametersOfOtherJavaTypesAreConvertedToTheColumnTypes() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (i INT, l BIGINT, d DECIMAL(10,2), dt DATE, ts TIMESTAMP, "
          + "ntz TIMESTAMP_NTZ, s STRING, b BOOLEAN, x DOUBLE)");
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, "42");
        insert.setInt(2, 7);
        insert.setString(3, "12.345");
        insert.setObject(4, LocalDate.of(1969, 7, 20));
        insert.setObject(5, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000));
        insert.setString(6, "2024-01-02 03:04:05.5");
        insert.setLong(7, 99);
        insert.setString(8, "true");
        insert.setBigDecimal(9, new BigDecimal("1.25"));
        insert.addBatch();
        insert.setNull(1, java.sql.Types.INTEGER);
        insert.setLong(2, Long.MAX_VALUE);
        insert.setDouble(3, 0.5);
        insert.setDate(4, java.sql.Date.valueOf("2000-02-29"));
        insert.setTimestamp(5, java.sql.Timestamp.from(Instant.parse("2024-06-01T12:00:00Z")));
        insert.setNull(6, java.sql.Types.TIMESTAMP);
        insert.setString(7, "é😀");
        insert.setBoolean(8, false);
        insert.setNull(9, java.sql.Types.DOUBLE);
        insert.addBatch();
        assertArrayEquals(new int[] {1, 1}, insert.executeBatch());
      }
      try (ResultSet rs = statement.executeQuery(
          "SELECT i, l, d, dt, ts, ntz, s, b, x FROM t ORDER BY l")) {
        assertTrue(rs.next());
        assertEquals(42, rs.getInt(1));
        assertEquals(7, rs.getLong(2));
        assertEquals(new BigDecimal("12.35"), rs.getBigDecimal(3));
        assertEquals("1969-07-20", rs.getString(4));
        assertEquals("2024-01-02 03:04:05.678000", rs.getString(5));
        assertEquals("2024-01-02 03:04:05.500000", rs.getString(6));
        assertEquals("99", rs.getString(7));
        assertTrue(rs.getBoolean(8));
        assertEquals(1.25, rs.getDouble(9));
        assertTrue(rs.next());
        assertEquals(0, rs.getInt(1));
        assertTrue(rs.wasNull());
        assertEquals(Long.MAX_VALUE, rs.getLong(2));
        assertEquals(new BigDecimal("0.50"), rs.getBigDecimal(3));
        assertEquals("2000-02-29", rs.getString(4));
        assertEquals(Instant.parse("2024-06-01T12:00:00Z"), rs.getTimestamp(5).toInstant());
        assertEquals("é😀", rs.getString(7));
      }
    }
  }

  @Test
  void badValuesFailTheWholeBatchWithTheirSqlState() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (i TINYINT, d DATE)");
      assertBatchFails(connection, "22003", ps -> ps.setInt(1, 300));
      assertBatchFails(connection, "22018", ps -> ps.setString(1, "many"));
      assertBatchFails(connection, "22007", ps -> ps.setString(2, "yesterday"));
      try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM t")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getLong(1));
      }
    }
  }

  private interface Setter {
    void set(PreparedStatement statement) throws SQLException;
  }

  private static void assertBatchFails(Connection connection, String sqlState, Setter setter)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      insert.setInt(1, 1);
      insert.setDate(2, java.sql.Date.valueOf("2020-01-01"));
      insert.addBatch();
      insert.setInt(1, 2);
      insert.setDate(2, java.sql.Date.valueOf("2020-01-02"));
      setter.set(insert);
      insert.addBatch();
      SQLException error = assertThrows(SQLException.class, insert::executeBatch);
      assertEquals(sqlState, error.getSQLState(), error.getMessage());
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + lakehouse + ";timeZone=UTC");
  }
}
