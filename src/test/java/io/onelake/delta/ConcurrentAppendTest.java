/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blind appends from several connections at once all land, one version each; CREATE races have one winner. */
class ConcurrentAppendTest {
  private static final int THREADS = 4;
  private static final int INSERTS = 5;

  @TempDir
  Path dir;

  private String url() {
    return "jdbc:onelake:file:" + dir.resolve("lake");
  }

  private List<Long> commitVersions(String table) throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("lake/Tables").resolve(table).resolve("_delta_log"))) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("\\d{20}\\.json"))
          .map(n -> Long.parseLong(n.substring(0, 20)))
          .sorted().toList();
    }
  }

  @Test
  void concurrentInsertsAllLandWithContiguousVersions() throws Exception {
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (thread INT NOT NULL, n INT NOT NULL)");
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CyclicBarrier start = new CyclicBarrier(THREADS);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(pool.submit((Callable<Integer>) () -> {
          int inserted = 0;
          try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            start.await(30, TimeUnit.SECONDS);
            for (int n = 0; n < INSERTS; n++) {
              inserted += s.executeUpdate("INSERT INTO t VALUES (" + thread + ", " + n + "), ("
                  + thread + ", " + (100 + n) + ")");
            }
          }
          return inserted;
        }));
      }
      for (Future<Integer> result : results) {
        assertEquals(2 * INSERTS, result.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    List<Long> expected = new ArrayList<>();
    for (long v = 0; v <= THREADS * INSERTS; v++) {
      expected.add(v);
    }
    assertEquals(expected, commitVersions("t"));
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT thread * 1000 + n) FROM t")) {
        assertTrue(rs.next());
        assertEquals(2L * THREADS * INSERTS, rs.getLong(1));
        assertEquals(2L * THREADS * INSERTS, rs.getLong(2));
      }
      for (int thread = 0; thread < THREADS; thread++) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(n), MAX(n) FROM t WHERE thread = " + thread)) {
          assertTrue(rs.next());
          assertEquals(2 * INSERTS, rs.getLong(1));
          assertEquals(0, rs.getInt(2));
          assertEquals(100 + INSERTS - 1, rs.getInt(3));
        }
      }
    }
  }

  @Test
  void racingCreateTableHasExactlyOneWinner() throws Exception {
    for (int round = 0; round < 3; round++) {
      String table = "same" + round;
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<String> outcomes = new ArrayList<>();
      try {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<String>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          results.add(pool.submit(() -> {
            try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
              start.await(30, TimeUnit.SECONDS);
              s.execute("CREATE TABLE " + table + " (id INT, name STRING)");
              return "ok";
            } catch (SQLException e) {
              return e.getSQLState() + ": " + e.getMessage();
            }
          }));
        }
        for (Future<String> result : results) {
          outcomes.add(result.get(120, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(1, outcomes.stream().filter("ok"::equals).count(), outcomes.toString());
      String loser = outcomes.stream().filter(o -> !o.equals("ok")).findFirst().orElseThrow();
      assertTrue(loser.startsWith("42S01"), outcomes.toString());
      assertEquals(List.of(0L), commitVersions(table));
      try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
        assertEquals(1, s.executeUpdate("INSERT INTO " + table + " VALUES (1, 'x')"));
      }
    }
  }
}
