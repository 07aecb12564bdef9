/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DELETE and UPDATE from several connections at once: no update is lost (a statement either lands
 * against the rows it read or fails with 40001 and changes nothing), non-conflicting commits are
 * rebased, and deletes racing inserts neither resurrect nor lose rows.
 */
class RowLevelConcurrencyTest {
  private static final int CONNECTIONS = 8;
  private static final int UPDATES = 25;

  @TempDir
  Path dir;

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + dir.resolve("lake"));
  }

  private long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  @Test
  void concurrentCounterUpdatesLoseNothing() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE counters (id INT NOT NULL, n BIGINT NOT NULL)");
      s.execute("INSERT INTO counters VALUES (1, 0), (2, 0)");
    }
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
    int succeeded = 0;
    try {
      CyclicBarrier start = new CyclicBarrier(CONNECTIONS);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < CONNECTIONS; t++) {
        results.add(pool.submit((Callable<Integer>) () -> {
          int done = 0;
          try (Connection c = connect();
              PreparedStatement update = c.prepareStatement(
                  "UPDATE counters SET n = n + 1 WHERE id = 1")) {
            start.await(60, TimeUnit.SECONDS);
            while (done < UPDATES) {
              try {
                assertEquals(1, update.executeUpdate());
                done++;
              } catch (SQLException e) {
                assertEquals("40001", e.getSQLState(), e.getMessage());
                assertTrue(e.getMessage().contains("version"), e.getMessage());
                conflicts.incrementAndGet();
              }
            }
          }
          return done;
        }));
      }
      for (Future<Integer> result : results) {
        succeeded += result.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(CONNECTIONS * UPDATES, succeeded);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      assertEquals(succeeded, count(s, "SELECT n FROM counters WHERE id = 1"));
      assertEquals(0, count(s, "SELECT n FROM counters WHERE id = 2"));
      assertEquals(2, count(s, "SELECT COUNT(*) FROM counters"));
    }
    // Each successful UPDATE is one commit after the CREATE and the INSERT.
    assertEquals(2L + succeeded, commitCount("counters"));
    assertTrue(conflicts.get() > 0, "8 connections updating one row should have raced at least once");
  }

  @Test
  void deletesRacingInsertsNeitherResurrectNorLoseRows() throws Exception {
    int oldRows = 40;
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT NOT NULL, kind STRING, part INT) PARTITIONED BY (part)");
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < oldRows; i++) {
        values.append(i == 0 ? "" : ", ").append("(").append(i).append(", 'old', ").append(i % 4)
            .append(")");
      }
      s.execute("INSERT INTO t VALUES " + values);
    }
    int inserters = 3;
    int insertsEach = 10;
    ExecutorService pool = Executors.newFixedThreadPool(inserters + 2);
    try {
      CyclicBarrier start = new CyclicBarrier(inserters + 2);
      List<Future<?>> results = new ArrayList<>();
      for (int t = 0; t < inserters; t++) {
        int thread = t;
        results.add(pool.submit((Callable<Void>) () -> {
          try (Connection c = connect(); Statement s = c.createStatement()) {
            start.await(60, TimeUnit.SECONDS);
            for (int i = 0; i < insertsEach; i++) {
              int id = 1000 + thread * 100 + i;
              assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (" + id + ", 'new', " + (id % 4) + ")"));
            }
          }
          return null;
        }));
      }
      // Two deleters remove the old rows, in slices, retrying conflicts between themselves.
      for (int d = 0; d < 2; d++) {
        int deleter = d;
        results.add(pool.submit((Callable<Void>) () -> {
          try (Connection c = connect(); Statement s = c.createStatement()) {
            start.await(60, TimeUnit.SECONDS);
            for (int slice = deleter; slice < oldRows / 5; slice += 2) {
              while (true) {
                try {
                  s.executeUpdate("DELETE FROM t WHERE kind = 'old' AND id >= " + slice * 5
                      + " AND id < " + (slice + 1) * 5);
                  break;
                } catch (SQLException e) {
                  assertEquals("40001", e.getSQLState(), e.getMessage());
                }
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> result : results) {
        result.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = connect(); Statement s = c.createStatement()) {
      assertEquals(0, count(s, "SELECT COUNT(*) FROM t WHERE kind = 'old'"));
      assertEquals(inserters * insertsEach, count(s, "SELECT COUNT(*) FROM t WHERE kind = 'new'"));
      assertEquals(inserters * insertsEach, count(s, "SELECT COUNT(DISTINCT id) FROM t"));
    }
  }

  @Test
  void updateIsRebasedOverAppendsToOtherPartitionsAndFailsOnRealConflicts() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE p (id INT, v INT, part STRING) PARTITIONED BY (part)");
      s.execute("INSERT INTO p VALUES (1, 0, 'a'), (2, 0, 'b')");
    }
    // An UPDATE reads version 1; before it commits, other connections commit. The hook runs the
    // concurrent statement between the UPDATE's read and its commit.
    try (Connection c = connect(); Statement s = c.createStatement();
        Connection other = connect(); Statement o = other.createStatement()) {
      // A non-blind change (INSERT ... SELECT) into another partition: no row of the UPDATE's scope.
      o.executeUpdate("INSERT INTO p SELECT id + 10, v, 'b' FROM p WHERE part = 'b'");
      assertEquals(1, s.executeUpdate("UPDATE p SET v = v + 1 WHERE part = 'a'"));
      assertEquals(1, count(s, "SELECT v FROM p WHERE id = 1"));
      assertEquals(3, count(s, "SELECT COUNT(*) FROM p"));
    }
  }

  private long commitCount(String table) throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("lake/Tables").resolve(table).resolve("_delta_log"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d{20}\\.json")).count();
    }
  }
}
