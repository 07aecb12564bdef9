/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverSmokeTest {
  @TempDir
  Path dir;

  @Test
  void createInsertSelect() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:onelake:file:" + dir);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT NOT NULL, name STRING, part STRING) PARTITIONED BY (part)");
      assertEquals(2, s.executeUpdate("INSERT INTO t VALUES (1, 'a', 'x'), (2, 'b', 'y')"));
      try (ResultSet rs = s.executeQuery("SELECT id, name, part FROM t WHERE part = 'y'")) {
        rs.next();
        assertEquals(2, rs.getInt(1));
        assertEquals("b", rs.getString(2));
      }
    }
  }
}
