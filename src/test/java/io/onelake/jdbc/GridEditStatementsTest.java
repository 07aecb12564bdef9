/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statements a database tool generates when a user edits rows in a result grid with a (virtual)
 * key: fully qualified, quoted identifiers and one parameter per value, run in auto-commit mode.
 */
class GridEditStatementsTest {
  @TempDir
  Path lakehouse;

  @Test
  void quotedParameterizedRowEditsChangeExactlyTheKeyedRows() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:onelake:file:" + lakehouse);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE people (id INT NOT NULL, name VARCHAR, score DECIMAL(5,1))");
      s.execute("INSERT INTO people VALUES (1, 'ann', 1.5), (2, 'bob', 2.5), (3, 'cy', NULL)");

      try (PreparedStatement update = c.prepareStatement(
          "UPDATE \"dbo\".\"people\" SET \"name\"=?, \"score\"=? WHERE \"id\"=?")) {
        update.setString(1, "bobby");
        update.setBigDecimal(2, new java.math.BigDecimal("9.5"));
        update.setInt(3, 2);
        assertEquals(1, update.executeUpdate());
      }
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO \"dbo\".\"people\" (\"id\",\"name\") VALUES (?,?)")) {
        insert.setInt(1, 4);
        insert.setString(2, "dee");
        assertEquals(1, insert.executeUpdate());
      }
      try (PreparedStatement delete = c.prepareStatement(
          "DELETE FROM \"dbo\".\"people\" WHERE \"id\"=? AND \"name\"=? AND \"score\" IS NULL")) {
        delete.setInt(1, 3);
        delete.setString(2, "cy");
        assertEquals(1, delete.executeUpdate());
      }

      try (ResultSet rs = s.executeQuery("SELECT id, name, score FROM people ORDER BY id")) {
        assertRow(rs, 1, "ann", "1.5");
        assertRow(rs, 2, "bobby", "9.5");
        assertRow(rs, 4, "dee", null);
        assertFalse(rs.next());
      }
    }
  }

  private static void assertRow(ResultSet rs, int id, String name, String score) throws Exception {
    assertTrue(rs.next());
    assertEquals(id, rs.getInt(1));
    assertEquals(name, rs.getString(2));
    assertEquals(score, rs.getBigDecimal(3) == null ? null : rs.getBigDecimal(3).toPlainString());
  }
}
