/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESCRIBE HISTORY t [LIMIT n]: typed columns, newest commit first, the operations' metrics. */
class HistoryMacroTest {
  @TempDir
  Path dir;

  @Test
  void describeHistoryListsCommitsNewestFirst() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:onelake:file:" + dir + ";timeZone=UTC");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT)");
      s.execute("INSERT INTO t VALUES (1), (2), (3)");
      s.execute("DELETE FROM t WHERE id > 1");
      List<String> operations = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("DESCRIBE HISTORY t")) {
        ResultSetMetaData meta = rs.getMetaData();
        assertEquals("version", meta.getColumnLabel(1));
        assertEquals(Types.BIGINT, meta.getColumnType(1));
        assertEquals(Types.TIMESTAMP, meta.getColumnType(2));
        assertEquals("operationMetrics", meta.getColumnLabel(6));
        long previous = Long.MAX_VALUE;
        while (rs.next()) {
          assertTrue(rs.getLong(1) < previous);
          previous = rs.getLong(1);
          assertTrue(rs.getTimestamp(2).getTime() > 0);
          operations.add(rs.getString(3));
          if (rs.getLong(1) == 2) {
            Map<?, ?> metrics = (Map<?, ?>) rs.getObject(6);
            assertEquals("2", metrics.get("numDeletedRows"));
          }
        }
      }
      assertEquals(List.of("DELETE", "WRITE", "CREATE TABLE"), operations);
      try (ResultSet rs = s.executeQuery("describe history t limit 1")) {
        assertTrue(rs.next());
        assertEquals(2, rs.getLong("version"));
        assertTrue(!rs.next());
      }
    }
  }
}
