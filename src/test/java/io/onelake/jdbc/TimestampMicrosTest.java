/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timestamps round-trip through JDBC with their microseconds: parameters (single execution and
 * batches), literals, INSERT ... SELECT, and every getter, in a session zone that is not UTC (Berlin:
 * UTC+1 in winter, UTC+2 in summer) and before 1970.
 */
class TimestampMicrosTest {
  private static final Instant SUMMER = Instant.parse("2024-07-01T10:00:00.123456Z");
  private static final Instant PRE_EPOCH = Instant.parse("1969-12-31T23:59:59.999999Z");
  private static final Instant OLD = Instant.parse("1900-01-01T00:00:00.000001Z");

  @TempDir
  Path dir;

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + dir + ";timeZone=Europe/Berlin");
  }

  @BeforeEach
  void createTable() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT, ts TIMESTAMP, tn TIMESTAMP_NTZ)");
    }
  }

  @Test
  void setTimestampAndSetObjectKeepMicrosecondsInSingleExecutions() throws SQLException {
    try (Connection connection = connect();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
      insert.setInt(1, 1);
      insert.setTimestamp(2, Timestamp.from(SUMMER));
      insert.setObject(3, LocalDateTime.parse("1969-12-31T23:59:59.000001"));
      assertEquals(1, insert.executeUpdate());
      insert.setInt(1, 2);
      insert.setObject(2, OffsetDateTime.ofInstant(PRE_EPOCH, ZoneOffset.ofHours(-5)));
      insert.setTimestamp(3, null);
      assertEquals(1, insert.executeUpdate());

      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT ts, tn FROM t ORDER BY id")) {
        assertTrue(rs.next());
        assertEquals(SUMMER, rs.getTimestamp(1).toInstant());
        assertEquals(123_456_000, rs.getTimestamp(1).getNanos());
        assertEquals(SUMMER, ((Timestamp) rs.getObject(1)).toInstant());
        assertEquals(SUMMER, rs.getObject(1, Instant.class));
        assertEquals(OffsetDateTime.parse("2024-07-01T12:00:00.123456+02:00"),
            rs.getObject(1, OffsetDateTime.class));
        assertEquals(LocalDateTime.parse("2024-07-01T12:00:00.123456"), rs.getObject(1, LocalDateTime.class));
        assertEquals("2024-07-01 12:00:00.123456", rs.getString(1));
        assertEquals(LocalDateTime.parse("1969-12-31T23:59:59.000001"), rs.getObject(2, LocalDateTime.class));
        assertEquals("1969-12-31 23:59:59.000001", rs.getString(2));
        assertTrue(rs.next());
        assertEquals(PRE_EPOCH, rs.getTimestamp(1).toInstant());
        assertEquals("1970-01-01 00:59:59.999999", rs.getString(1));
        assertNull(rs.getTimestamp(2));
        assertTrue(rs.wasNull());
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void batchesKeepMicroseconds() throws SQLException {
    try (Connection connection = connect();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
      insert.setInt(1, 1);
      insert.setTimestamp(2, Timestamp.from(OLD));
      insert.setObject(3, LocalDateTime.parse("2262-04-11T23:47:16.854775"));
      insert.addBatch();
      insert.setInt(1, 2);
      insert.setObject(2, PRE_EPOCH);
      // An instant, stored in timestamp_ntz as its wall-clock time in the session zone (still CET).
      insert.setObject(3, Timestamp.from(Instant.parse("2024-03-31T00:30:00.000007Z")),
          java.sql.Types.TIMESTAMP);
      insert.addBatch();
      assertArrayEquals(new int[] {1, 1}, insert.executeBatch());

      assertEquals(List.of(OLD + " 2262-04-11 23:47:16.854775", PRE_EPOCH + " 2024-03-31 01:30:00.000007"),
          rows(connection, "SELECT ts, tn FROM t ORDER BY id"));
    }
  }

  @Test
  void literalsAndCopiesKeepMicroseconds() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO t VALUES (1, TIMESTAMP '2024-07-01 12:00:00.123456', "
          + "TIMESTAMP '1969-12-31 23:59:59.000001')");
      statement.execute("CREATE TABLE copy (id INT, ts TIMESTAMP, tn TIMESTAMP_NTZ)");
      assertEquals(1, statement.executeUpdate("INSERT INTO copy SELECT id, ts, tn FROM t"));
      assertEquals(List.of(SUMMER + " 1969-12-31 23:59:59.000001"),
          rows(connection, "SELECT ts, tn FROM copy"));
      // The literal is a wall-clock time in the session zone, exact to the microsecond.
      assertEquals(List.of(SUMMER + " 1969-12-31 23:59:59.000001"),
          rows(connection, "SELECT ts, tn FROM copy WHERE ts >= TIMESTAMP '2024-07-01 12:00:00.123456'"));
      assertEquals(List.of(),
          rows(connection, "SELECT ts, tn FROM copy WHERE ts > TIMESTAMP '2024-07-01 12:00:00.123456'"));
    }
  }

  /** A parameter in a query Calcite computes with is compared by its milliseconds (docs/types.md). */
  @Test
  void parametersInQueriesCompareMilliseconds() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO t VALUES (1, TIMESTAMP '2024-07-01 12:00:00.123456', NULL)");
      try (PreparedStatement query = connection.prepareStatement("SELECT id FROM t WHERE ts = ?")) {
        query.setTimestamp(1, Timestamp.from(Instant.parse("2024-07-01T10:00:00.123999Z")));
        try (ResultSet rs = query.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(1, rs.getInt(1));
        }
        query.setObject(1, LocalDateTime.parse("2024-07-01T12:00:00.124"));
        try (ResultSet rs = query.executeQuery()) {
          assertFalse(rs.next());
        }
      }
    }
  }

  /** Rows as "instant-of-ts wall-clock-of-tn", to compare whole rows. */
  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getTimestamp(1).toInstant() + " " + rs.getString(2));
      }
    }
    return rows;
  }
}
