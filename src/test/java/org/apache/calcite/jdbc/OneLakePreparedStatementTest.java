/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package org.apache.calcite.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DATE parameters: remembered day numbers give the days Avatica's conversion gives. */
class OneLakePreparedStatementTest {
  @TempDir
  Path lakehouse;

  @Test
  void settersCheckTheParameterIndexAndStoreTheValues() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:onelake:file:" + lakehouse);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (a BIGINT, b INT, c VARCHAR, d DECIMAL(10, 2))");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?)")) {
        assertThrows(SQLException.class, () -> insert.setLong(0, 1));
        assertThrows(SQLException.class, () -> insert.setString(5, "x"));
        insert.setLong(1, Long.MAX_VALUE);
        insert.setInt(2, -7);
        insert.setString(3, "ü");
        insert.setBigDecimal(4, new java.math.BigDecimal("12.345"));
        insert.addBatch();
        insert.setLong(1, 1);
        insert.setInt(2, 2);
        insert.setString(3, null);
        insert.setBigDecimal(4, null);
        insert.addBatch();
        insert.executeBatch();
        insert.close();
        assertThrows(SQLException.class, () -> insert.setInt(1, 1));
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT a, b, c, d FROM t ORDER BY a")) {
        while (rs.next()) {
          rows.add(rs.getLong(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getBigDecimal(4));
        }
      }
      assertEquals(List.of("1|2|null|null", Long.MAX_VALUE + "|-7|ü|12.35"), rows);
    }
  }

  @Test
  void repeatedAndReusedDatesKeepTheirDays() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:onelake:file:" + lakehouse);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT, d DATE)");
      Date reused = Date.valueOf("2020-01-01");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        int id = 0;
        for (String day : List.of("2020-01-01", "1999-12-31", "2020-01-01", "1582-10-04")) {
          insert.setInt(1, id++);
          insert.setDate(2, Date.valueOf(day));
          insert.addBatch();
        }
        reused.setTime(Date.valueOf("2024-02-29").getTime()); // the same object, another day
        insert.setInt(1, id++);
        insert.setDate(2, reused);
        insert.addBatch();
        insert.setInt(1, id++);
        insert.setDate(2, Date.valueOf("2021-06-15"), Calendar.getInstance(TimeZone.getDefault()));
        insert.addBatch();
        insert.setInt(1, id);
        insert.setDate(2, null);
        insert.addBatch();
        insert.executeBatch();
      }
      List<String> days = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT CAST(d AS VARCHAR) FROM t ORDER BY id")) {
        while (rs.next()) {
          days.add(rs.getString(1));
        }
      }
      assertEquals(List.of("2020-01-01", "1999-12-31", "2020-01-01", "1582-10-04", "2024-02-29",
          "2021-06-15"), days.subList(0, 6));
      assertEquals(null, days.get(6));
    }
  }
}
