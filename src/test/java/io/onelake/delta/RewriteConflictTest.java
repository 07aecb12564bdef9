/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.Snapshot;
import io.onelake.catalog.TableNames;
import io.onelake.storage.LocalFileIO;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit of a row-level change (DeltaWriter.rewrite) against commits that landed after its read
 * version: it is rebased when they do not touch what it read, and fails with a
 * {@link WriteConflictException} naming the version when they do.
 */
class RewriteConflictTest {
  @TempDir
  Path dir;

  private final DeltaLake lake = new DeltaLake(new LocalFileIO(Map.of()));
  private String tablePath;

  @BeforeEach
  void createTable() throws SQLException {
    sql("CREATE TABLE p (id INT, part STRING) PARTITIONED BY (part)");
    sql("INSERT INTO p VALUES (1, 'a'), (2, 'b')");
    tablePath = "file:" + dir.resolve("lake/Tables/p");
  }

  @Test
  void failsWhenAConcurrentCommitRemovedAFileItRead() throws Exception {
    Snapshot read = latest();
    String fileA = fileOf("a");
    sql("DELETE FROM p WHERE part = 'a'");
    DeltaWriter writer = rewriteOfFile(read, fileA, new Scope(Set.of(fileA), false));
    WriteConflictException conflict = assertThrows(WriteConflictException.class, writer::commit);
    assertTrue(conflict.getMessage().contains("version 2"), conflict.getMessage());
    assertTrue(conflict.getMessage().contains(fileA), conflict.getMessage());
    assertEquals(2, latest().getVersion(), "nothing was committed");
    assertEquals(List.of("2,b"), rows());
  }

  @Test
  void isRebasedOverCommitsThatTouchOtherFiles() throws Exception {
    Snapshot read = latest();
    String fileA = fileOf("a");
    sql("DELETE FROM p WHERE part = 'b'");
    DeltaWriter writer = rewriteOfFile(read, fileA, new Scope(Set.of(fileA), false));
    assertEquals(3, writer.commit());
    assertEquals(List.of("10,a"), rows());
  }

  @Test
  void addedRowsInScopeConflictUnlessTheyComeFromABlindAppend() throws Exception {
    Snapshot read = latest();
    String fileA = fileOf("a");
    sql("INSERT INTO p VALUES (3, 'a')"); // VALUES: a blind append, serialized after the rewrite
    Scope blindOnly = new Scope(Set.of(fileA), true);
    assertEquals(3, rewriteOfFile(read, fileA, blindOnly).commit());
    assertEquals(0, blindOnly.consulted.get(), "blind appends are not checked");
    assertEquals(List.of("2,b", "3,a", "10,a"), rows());

    Snapshot readAgain = latest();
    String rewritten = fileOf("a", 10);
    sql("INSERT INTO p SELECT id + 100, part FROM p WHERE id = 3"); // read the table: not blind
    Scope inScope = new Scope(Set.of(rewritten), true);
    WriteConflictException conflict = assertThrows(WriteConflictException.class,
        () -> rewriteOfFile(readAgain, rewritten, inScope).commit());
    assertTrue(conflict.getMessage().contains("version 4"), conflict.getMessage());
    assertEquals(1, inScope.consulted.get());
  }

  @Test
  void commitInfoNamesTheOperationAndItsMetrics() throws Exception {
    sql("UPDATE p SET id = 5 WHERE id = 1");
    String log = java.nio.file.Files.readString(
        dir.resolve("lake/Tables/p/_delta_log/00000000000000000002.json"));
    assertTrue(log.contains("\"operation\":\"UPDATE\""), log);
    assertTrue(log.contains("\"numUpdatedRows\":\"1\""), log);
    assertTrue(log.contains("\"numRemovedFiles\":\"1\""), log);
    assertTrue(log.contains("\"numAddedFiles\":\"1\""), log);
    String insert = java.nio.file.Files.readString(
        dir.resolve("lake/Tables/p/_delta_log/00000000000000000001.json"));
    assertTrue(insert.contains("\"isBlindAppend\":true"), insert);
    assertFalse(insert.contains("\"operation\":\"UPDATE\""), insert);
  }

  /** A rewrite of the file of partition a that changes its row's id to 10. */
  private DeltaWriter rewriteOfFile(Snapshot read, String file, ReadScope scope) {
    DeltaWriter writer = DeltaWriter.rewrite(lake, read, WriteOptions.defaults(), scope);
    writer.write(new Object[] {10, "a"});
    writer.removeFiles(read, Set.of(file));
    return writer;
  }

  private Snapshot latest() {
    return lake.latest(tablePath, Duration.ZERO).orElseThrow();
  }

  private String fileOf(String part) throws SQLException {
    return fileOf(part, -1);
  }

  private String fileOf(String part, int id) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"__onelake_file\" FROM TABLE(ONELAKE_DML_TARGET('"
            + TableNames.encode(List.of("dbo", "p")) + "')) "
            + "WHERE part = '" + part + "'" + (id < 0 ? "" : " AND id = " + id))) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  private List<String> rows() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, part FROM p ORDER BY id")) {
      while (rs.next()) {
        rows.add(rs.getInt(1) + "," + rs.getString(2));
      }
    }
    return rows;
  }

  private void sql(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + dir.resolve("lake"));
  }

  /** A read scope with fixed files whose rows-in-scope answer is fixed too. */
  private static final class Scope implements ReadScope {
    private final Set<String> files;
    private final boolean touches;
    final AtomicInteger consulted = new AtomicInteger();

    Scope(Set<String> files, boolean touches) {
      this.files = files;
      this.touches = touches;
    }

    @Override
    public Set<String> readFiles() {
      return files;
    }

    @Override
    public boolean touchesRows(Snapshot latest, Set<String> addedFiles) {
      consulted.incrementAndGet();
      return touches;
    }
  }
}
