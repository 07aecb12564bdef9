/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onelake.testing.AzuriteExtension;
import io.onelake.testing.AzuriteProcess;
import io.onelake.testing.TestLake;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JDBC batch of {@code INSERT … VALUES (?, …)} in auto-commit mode writes its rows while they are
 * added and commits them once at {@code executeBatch}; until then nothing is visible, and a cleared,
 * closed or failed batch leaves no file behind. When the connection's state or settings change before
 * the batch runs, the batch runs as they say.
 */
@ExtendWith(AzuriteExtension.class)
class StreamedBatchTest {
  /** Rows per batch: enough for the writer to roll over several files while they are added. */
  private static final int ROWS = 60_000;
  private static final String SMALL_FILES = "SET onelake_target_file_size = '200000'";

  @TempDir
  Path dir;

  private TestLake local() {
    return TestLake.local(dir.resolve("lake"));
  }

  @Test
  void rowsAreWrittenWhileAddedAndCommittedOnceLocal() throws Exception {
    rowsAreWrittenWhileAddedAndCommittedOnce(local());
  }

  @Test
  void rowsAreWrittenWhileAddedAndCommittedOnceAzurite(AzuriteProcess azurite) throws Exception {
    rowsAreWrittenWhileAddedAndCommittedOnce(TestLake.azurite(azurite, "stream"));
  }

  private static void rowsAreWrittenWhileAddedAndCommittedOnce(TestLake lake) throws Exception {
    try (Connection c = lake.connect()) {
      createTable(c);
      Connection reader = lake.connect();
      fresh(reader);
      try (Statement s = c.createStatement()) {
        s.execute(SMALL_FILES);
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        for (int round = 0; round < 2; round++) {
          Set<String> commits = lake.commits("t");
          addRows(insert, round * ROWS, ROWS);
          Set<String> written = lake.dataFiles("t");
          assertFalse(written.isEmpty(), "files are written while the batch is added");
          assertEquals(commits, lake.commits("t"), "nothing is committed before executeBatch");
          assertEquals(round * ROWS, count(reader, "t"));

          long[] counts = insert.executeLargeBatch();
          long[] ones = new long[ROWS];
          Arrays.fill(ones, 1);
          assertArrayEquals(ones, counts);
          assertEquals(commits.size() + 1, lake.commits("t").size(), "one commit per batch");
          assertTrue(lake.dataFiles("t").containsAll(written));
        }
      }
      try (Statement s = reader.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id), "
              + "SUM(CASE WHEN v = 'v' || CAST(id AS VARCHAR) THEN 1 ELSE 0 END) FROM t")) {
        assertTrue(rs.next());
        assertEquals(2 * ROWS, rs.getLong(1));
        assertEquals(2 * ROWS, rs.getLong(2));
        assertEquals(0, rs.getLong(3));
        assertEquals(2 * ROWS - 1, rs.getLong(4));
        assertEquals(2 * ROWS, rs.getLong(5));
      }
      assertEquals(lake.liveFiles("t"), lake.dataFiles("t"), "every file written is committed");
      reader.close();
    }
  }

  @Test
  void clearedOrClosedBatchLeavesNoFilesLocal() throws Exception {
    clearedOrClosedBatchLeavesNoFiles(local());
  }

  @Test
  void clearedOrClosedBatchLeavesNoFilesAzurite(AzuriteProcess azurite) throws Exception {
    clearedOrClosedBatchLeavesNoFiles(TestLake.azurite(azurite, "stream"));
  }

  private static void clearedOrClosedBatchLeavesNoFiles(TestLake lake) throws Exception {
    try (Connection c = lake.connect()) {
      createTableOfSmallFiles(c);
      Set<String> commits = lake.commits("t");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        addRows(insert, 0, ROWS);
        assertFalse(lake.dataFiles("t").isEmpty());
        insert.clearBatch();
        assertEquals(Set.of(), lake.dataFiles("t"), "clearBatch deletes what the batch wrote");

        addRows(insert, 0, 3);
        assertEquals(3, insert.executeBatch().length);
        assertEquals(3, count(c, "t"));
      }
      Set<String> afterFirst = lake.dataFiles("t");
      assertEquals(commits.size() + 1, lake.commits("t").size());

      PreparedStatement abandoned = c.prepareStatement("INSERT INTO t VALUES (?, ?)");
      addRows(abandoned, 100, ROWS);
      abandoned.close();
      assertEquals(afterFirst, lake.dataFiles("t"), "closing the statement deletes what it wrote");

      PreparedStatement open = c.prepareStatement("INSERT INTO t VALUES (?, ?)");
      addRows(open, 100, ROWS);
      c.close();
      assertTrue(open.isClosed());
      assertEquals(afterFirst, lake.dataFiles("t"), "closing the connection deletes what it wrote");
      assertEquals(commits.size() + 1, lake.commits("t").size());
    }
  }

  @Test
  void badValueFailsTheWholeBatchWhenItRunsLocal() throws Exception {
    badValueFailsTheWholeBatchWhenItRuns(local());
  }

  @Test
  void badValueFailsTheWholeBatchWhenItRunsAzurite(AzuriteProcess azurite) throws Exception {
    badValueFailsTheWholeBatchWhenItRuns(TestLake.azurite(azurite, "stream"));
  }

  private static void badValueFailsTheWholeBatchWhenItRuns(TestLake lake) throws Exception {
    try (Connection c = lake.connect()) {
      createTableOfSmallFiles(c);
      Set<String> commits = lake.commits("t");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        addRows(insert, 0, ROWS);
        insert.setString(1, "not a number");
        insert.setString(2, "bad");
        insert.addBatch(); // accepted: the batch reports its failures when it runs
        addRows(insert, ROWS, 10);
        BatchUpdateException e = assertThrows(BatchUpdateException.class, insert::executeBatch);
        assertEquals("22018", e.getSQLState(), e.toString());
        assertTrue(e.getMessage().contains("not a number"), e.getMessage());
        assertEquals(0, e.getLargeUpdateCounts().length, "no statement of the batch took effect");

        addRows(insert, 0, ROWS);
        insert.setNull(1, Types.BIGINT);
        insert.setString(2, "null id");
        insert.addBatch();
        e = assertThrows(BatchUpdateException.class, insert::executeBatch);
        assertEquals("23502", e.getSQLState(), e.toString());
      }
      assertEquals(commits, lake.commits("t"));
      assertEquals(Set.of(), lake.dataFiles("t"), "a failed batch deletes what it wrote");
      assertEquals(0, count(c, "t"));
    }
  }

  @Test
  void changesBeforeTheBatchRunsApply() throws Exception {
    TestLake lake = local();
    try (Connection c = lake.connect()) {
      createTable(c);
      Connection other = lake.connect();
      fresh(other);
      try (Statement s = c.createStatement()) {
        s.execute(SMALL_FILES);
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        // Another connection commits while the batch is added: the blind append lands on top.
        addRows(insert, 0, ROWS);
        try (Statement s = other.createStatement()) {
          assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (-1, 'other')"));
        }
        assertEquals(ROWS, insert.executeBatch().length);
        assertEquals(ROWS + 1, count(c, "t"));
        Set<String> files = lake.dataFiles("t");
        Set<String> commits = lake.commits("t");

        // The insert mode at execution is what counts: 'ignore' skips a table that has rows.
        addRows(insert, ROWS, ROWS);
        try (Statement s = c.createStatement()) {
          s.execute("SET onelake_insert_mode = 'ignore'");
        }
        long[] ignored = insert.executeLargeBatch();
        assertEquals(ROWS, ignored.length);
        assertEquals(0, Arrays.stream(ignored).sum());
        assertEquals(files, lake.dataFiles("t"), "the streamed files of an ignored batch are deleted");
        assertEquals(commits, lake.commits("t"));
        try (Statement s = c.createStatement()) {
          s.execute("RESET onelake_insert_mode");
        }

        // A connection made read-only before the batch runs refuses it.
        addRows(insert, ROWS, ROWS);
        c.setReadOnly(true);
        BatchUpdateException e = assertThrows(BatchUpdateException.class, insert::executeBatch);
        assertEquals("25006", e.getSQLState(), e.toString());
        assertEquals(files, lake.dataFiles("t"));
        c.setReadOnly(false);

        // Auto-commit switched off before the batch runs: the rows wait for commit().
        addRows(insert, ROWS, ROWS);
        c.setAutoCommit(false);
        assertEquals(ROWS, insert.executeBatch().length);
        assertEquals(commits, lake.commits("t"));
        assertEquals(ROWS + 1, count(other, "t"));
        c.commit();
        assertEquals(commits.size() + 1, lake.commits("t").size());
        assertEquals(2 * ROWS + 1, count(other, "t"));
        assertEquals(lake.liveFiles("t"), lake.dataFiles("t"));
      }
      other.close();
    }
  }

  @Test
  void failuresOfStatementBatchesAreBatchUpdateExceptions() throws Exception {
    try (Connection c = local().connect(); Statement s = c.createStatement()) {
      createTable(c);
      s.addBatch("INSERT INTO t VALUES (1, 'one')");
      s.addBatch("INSERT INTO t VALUES (NULL, 'null id')");
      BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
      assertEquals("23502", e.getSQLState(), e.toString());
      assertEquals(0, e.getLargeUpdateCounts().length);
      assertEquals(0, count(c, "t"));
    }
  }

  @Test
  void batchesInsideTransactionsAreNotStreamed() throws Exception {
    TestLake lake = local();
    try (Connection c = lake.connect()) {
      createTableOfSmallFiles(c);
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        addRows(insert, 0, ROWS);
        assertEquals(Set.of(), lake.dataFiles("t"), "a transaction's batch is written when it runs");
        assertInstanceOf(BatchUpdateException.class, assertThrows(SQLException.class, () -> {
          insert.setNull(1, Types.BIGINT);
          insert.addBatch();
          insert.executeBatch();
        }));
        addRows(insert, 0, 5);
        insert.executeBatch();
      }
      c.commit();
      assertEquals(5, count(c, "t"));
    }
  }

  /** Makes a connection look for new commits at every statement (the default reuses for 5 s). */
  private static void fresh(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET onelake_metadata_cache_ttl = '0'");
    }
  }

  /** Creates the table; the connection's files roll over every few thousand rows. */
  private static void createTableOfSmallFiles(Connection c) throws SQLException {
    createTable(c);
    try (Statement s = c.createStatement()) {
      s.execute(SMALL_FILES);
    }
  }

  private static void createTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id BIGINT NOT NULL, v STRING)");
    }
  }

  private static void addRows(PreparedStatement insert, long first, int rows) throws SQLException {
    for (long id = first; id < first + rows; id++) {
      insert.setLong(1, id);
      insert.setString(2, "v" + id);
      insert.addBatch();
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
