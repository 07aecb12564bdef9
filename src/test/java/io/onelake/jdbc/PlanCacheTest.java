/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-connection plan cache: a query's SQL text is planned once, every execution still reads the
 * tables as they are, and commands, time travel and changed settings or tables are planned again.
 * Calcite's {@link Hook#PARSE_TREE} fires once per planned statement (commands plan their internal
 * queries, and so fire too).
 */
class PlanCacheTest {
  @TempDir
  Path lakehouse;

  private final AtomicInteger plannings = new AtomicInteger();
  private Hook.Closeable hook;

  @BeforeEach
  void countPlannings() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INT, name STRING)");
      statement.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    }
    hook = Hook.PARSE_TREE.addThread((java.util.function.Consumer<Object>) parsed -> plannings.incrementAndGet());
  }

  @AfterEach
  void removeHook() {
    hook.close();
  }

  @Test
  void repeatedQueryIsPlannedOnceAndReadsCurrentRows() throws Exception {
    // The metadata TTL 0: without a plan cache, too, a connection reuses a table version for the TTL.
    try (Connection reader = DriverManager.getConnection("jdbc:onelake:file:"
        + lakehouse.toAbsolutePath() + ";onelake_metadata_cache_ttl=0");
        Connection writer = connect()) {
      assertEquals(2, count(reader));
      int planned = plannings.get();
      assertEquals(2, count(reader));
      assertEquals(planned, plannings.get(), "the second execution is not planned again");
      try (Statement statement = writer.createStatement()) {
        statement.execute("INSERT INTO t VALUES (3, 'c')");
      }
      planned = plannings.get();
      assertEquals(3, count(reader), "a cached plan reads the table's current version");
      assertEquals(planned, plannings.get());
      // prepareStatement goes through the same cache.
      try (PreparedStatement prepared = reader.prepareStatement("SELECT COUNT(*) FROM t")) {
        assertEquals(planned, plannings.get());
        try (ResultSet rows = prepared.executeQuery()) {
          rows.next();
          assertEquals(3, rows.getLong(1));
        }
      }
    }
  }

  @Test
  void commandsAreNeverCached() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO t VALUES (3, 'c')");
      statement.execute("INSERT INTO t VALUES (3, 'c')");
      assertEquals(4, count(connection));
      statement.execute("DELETE FROM t WHERE id = 3");
      statement.execute("INSERT INTO t VALUES (3, 'c')");
      statement.execute("DELETE FROM t WHERE id = 3");
      assertEquals(2, count(connection));
    }
  }

  @Test
  void timeTravelIsPlannedEveryTime() throws Exception {
    try (Connection connection = connect()) {
      String sql = "SELECT COUNT(*) FROM t VERSION AS OF 1";
      assertEquals(2, single(connection, sql));
      int planned = plannings.get();
      assertEquals(2, single(connection, sql));
      assertEquals(planned + 1, plannings.get());
    }
  }

  @Test
  void changedSettingPlansAgain() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertEquals(2, count(connection));
      statement.execute("SET onelake_safe_cast = true");
      int planned = plannings.get();
      assertEquals(2, count(connection));
      assertEquals(planned + 1, plannings.get(), "a setting is part of the key");
      statement.execute("RESET onelake_safe_cast");
      planned = plannings.get();
      assertEquals(2, count(connection));
      assertEquals(planned, plannings.get(), "back to the first key, still cached");
    }
  }

  @Test
  void tableCreatedOrDroppedByThisConnectionPlansAgain() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertEquals(2, count(connection));
      statement.execute("CREATE TABLE other (x INT)");
      int planned = plannings.get();
      assertEquals(2, count(connection));
      assertEquals(planned + 1, plannings.get(), "the catalog listing changed");
    }
  }

  @Test
  void definitionChangedElsewhereFailsOnceThenPlansAgain() throws Exception {
    try (Connection reader = connect(); Statement statement = reader.createStatement()) {
      statement.execute("SET onelake_metadata_cache_ttl = '0s'");
      String sql = "SELECT * FROM t";
      assertEquals(2, rows(reader, sql));
      try (Connection writer = connect(); Statement change = writer.createStatement()) {
        change.execute("CREATE OR REPLACE TABLE t (id INT, name STRING, extra INT)");
        change.execute("INSERT INTO t VALUES (5, 'e', 1)");
      }
      SQLException changed = assertThrows(SQLException.class, () -> rows(reader, sql));
      assertEquals("40001", changed.getSQLState(), changed.toString());
      assertEquals(1, rows(reader, sql), "the failed plan was evicted and planned again");
    }
  }

  @Test
  void cachingCanBeTurnedOff() throws Exception {
    String previous = System.setProperty("onelake.planCache.size", "0");
    try (Connection connection = connect()) {
      assertEquals(2, count(connection));
      int planned = plannings.get();
      assertEquals(2, count(connection));
      assertEquals(planned + 1, plannings.get());
    } finally {
      if (previous == null) {
        System.clearProperty("onelake.planCache.size");
      } else {
        System.setProperty("onelake.planCache.size", previous);
      }
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + lakehouse.toAbsolutePath());
  }

  private static long count(Connection connection) throws SQLException {
    return single(connection, "SELECT COUNT(*) FROM t");
  }

  private static long single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static int rows(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      int n = 0;
      while (rows.next()) {
        n++;
      }
      return n;
    }
  }
}
