/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaTableTest {
  @TempDir
  Path lakehouse;

  @Test
  void thePlannerKnowsTheRowCountFromTheLog() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:onelake:file:" + lakehouse);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT)");
      statement.executeUpdate("INSERT INTO t VALUES (1), (2), (3)");
      statement.executeUpdate("INSERT INTO t VALUES (4), (5)");
      String plan = explain(statement, "EXPLAIN PLAN INCLUDING ALL ATTRIBUTES FOR SELECT * FROM t");
      assertTrue(plan.contains("DeltaTableScan"), plan);
      assertTrue(plan.contains("rowcount = 5.0"), plan);
    }
  }

  @Test
  void projectionAndFilterArePushedIntoTheScan() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:onelake:file:" + lakehouse);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT, name STRING, part STRING) PARTITIONED BY (part)");
      String plan = explain(statement, "EXPLAIN PLAN FOR SELECT name FROM t WHERE part = 'a'");
      assertTrue(plan.contains("DeltaTableScan"), plan);
      assertTrue(plan.contains("projects=[[1, 2]]"), plan);
      assertTrue(plan.contains("filter=[(column(`part`) = a)]"), plan);
    }
  }

  private static String explain(Statement statement, String sql) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }
}
