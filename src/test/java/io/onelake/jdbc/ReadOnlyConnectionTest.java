/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Connection.isReadOnly()} is false for a onelake connection (it writes), and
 * {@code setReadOnly(true)} makes every writing statement fail with 25006 when it is executed, while
 * queries and settings still work.
 */
class ReadOnlyConnectionTest {
  @TempDir
  Path lakehouse;

  @Test
  void readOnlyConnectionsRefuseWritesAtExecution() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:onelake:file:" + lakehouse);
        Statement s = c.createStatement()) {
      assertFalse(c.isReadOnly());
      s.execute("CREATE TABLE t (id INT)");
      PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)");
      c.setReadOnly(true);
      assertTrue(c.isReadOnly());
      insert.setInt(1, 1);
      assertEquals("25006", assertThrows(SQLException.class, insert::executeUpdate).getSQLState());
      for (String write : new String[] {"INSERT INTO t VALUES (2)", "DELETE FROM t", "UPDATE t SET id = 3",
          "CREATE TABLE u (id INT)", "TRUNCATE TABLE t", "DROP TABLE t"}) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(write), write);
        assertEquals("25006", e.getSQLState(), write + ": " + e.getMessage());
      }
      s.execute("SET onelake_safe_cast = true");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getLong(1));
      }
      c.setReadOnly(false);
      assertEquals(1, insert.executeUpdate());
    }
  }
}
