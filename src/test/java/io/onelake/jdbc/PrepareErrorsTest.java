/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Connection.prepareStatement} reports why a statement cannot be prepared, with the SQLState of
 * SPEC §7, as executing it does (tools prepare first and show this message).
 */
class PrepareErrorsTest {
  @TempDir
  Path lakehouse;

  @Test
  void prepareFailuresCarryTheirReasonAndSqlState() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:onelake:file:" + lakehouse);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT)");
      String[][] cases = {
          {"SELECT nope FROM t", "42S22", "nope"},
          {"SELECT * FROM missing", "42S02", "missing"},
          {"SELEC 1", "42000", "Syntax error"},
          {"INSERT INTO t (id, zz) VALUES (1, 2)", "42S22", "zz"},
          {"INSERT INTO t VALUES (1, 2)", "42000", "values"},
          {"CREATE OR REPLACE SCHEMA s", "0A000", "CREATE OR REPLACE SCHEMA"},
      };
      for (String[] failing : cases) {
        SQLException e = assertThrows(SQLException.class, () -> c.prepareStatement(failing[0]),
            failing[0]);
        assertEquals(failing[1], e.getSQLState(), failing[0] + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith("Error while preparing statement [" + failing[0] + "]: "),
            e.getMessage());
        assertTrue(e.getMessage().contains(failing[2]), e.getMessage());
        if (failing[1].equals("0A000")) {
          assertTrue(e instanceof SQLFeatureNotSupportedException, e.getClass().getName());
        }
      }
    }
  }
}
