/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onelake.delta.fixtures.DeltaFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DELETE, UPDATE and MERGE on tables other engines wrote with deletion vectors: rows a deletion
 * vector hides stay deleted when their file is rewritten, and the file's remove action carries it.
 */
class RowLevelForeignTableTest {
  @TempDir
  Path lakehouse;

  /** Live ids of the fixture: 0-24 without 0, 3, 5, 9 (file 1's DV) and 11, 12 (file 2's DV). */
  private static final List<Long> LIVE = List.of(1L, 2L, 4L, 6L, 7L, 8L, 10L, 13L, 14L, 15L, 16L,
      17L, 18L, 19L, 20L, 21L, 22L, 23L, 24L);

  @Test
  void updateAndDeleteOfFilesWithDeletionVectorsKeepDeletedRowsDeleted() throws Exception {
    DeltaFixtures.deletionVectors(lakehouse.resolve("Tables/dv"));
    try (Connection c = connect(); Statement s = c.createStatement()) {
      // Touches file 1 (ids 0-9, four hidden by its DV) and file 2 (10-19, two hidden).
      assertEquals(2, s.executeUpdate("UPDATE dv SET name = 'changed' WHERE id IN (2, 13)"));
      assertEquals(LIVE, ids(s, "SELECT id FROM dv ORDER BY id"));
      assertEquals(List.of(2L, 13L), ids(s, "SELECT id FROM dv WHERE name = 'changed' ORDER BY id"));
      assertEquals(3, s.executeUpdate("DELETE FROM dv WHERE id < 5"));
      List<Long> remaining = new ArrayList<>(LIVE);
      remaining.removeAll(List.of(1L, 2L, 4L));
      assertEquals(remaining, ids(s, "SELECT id FROM dv ORDER BY id"));
      assertEquals(2, s.executeUpdate("MERGE INTO dv t USING (VALUES (6, 'm'), (12, 'hidden')) AS x(id, name) "
          + "ON t.id = x.id WHEN MATCHED THEN UPDATE SET name = x.name "
          + "WHEN NOT MATCHED THEN INSERT (id, name) VALUES (x.id + 100, x.name)"));
      assertEquals(List.of(6L), ids(s, "SELECT id FROM dv WHERE name = 'm'"));
      // Id 12 was hidden by a deletion vector: it did not match, so it was inserted as 112.
      assertEquals(List.of(112L), ids(s, "SELECT id FROM dv WHERE name = 'hidden'"));
    }
    // The UPDATE's removes name the deletion vectors of the files they remove.
    String update = Files.readString(lakehouse.resolve("Tables/dv/_delta_log/00000000000000000004.json"));
    assertTrue(update.contains("\"remove\"") && update.contains("\"deletionVector\""), update);
  }

  @Test
  void columnMappedTablesRefuseRewritesButAllowWholeFileDeletes() throws Exception {
    DeltaFixtures.columnMappingName(lakehouse.resolve("Tables/cm"));
    try (Connection c = connect(); Statement s = c.createStatement()) {
      long before = ids(s, "SELECT COUNT(*) FROM cm").get(0);
      assertTrue(before > 0);
      // Rewriting rows needs the column-mapped write path, which Kernel 4.4 does not have.
      SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> s.executeUpdate("UPDATE cm SET id = id + 1"));
      assertEquals("0A000", e.getSQLState(), e.getMessage());
      assertEquals(before, ids(s, "SELECT COUNT(*) FROM cm").get(0));
      // Removing whole files writes no data: that works.
      assertEquals(before, s.executeUpdate("DELETE FROM cm"));
      assertEquals(0L, ids(s, "SELECT COUNT(*) FROM cm").get(0));
    }
  }

  private static List<Long> ids(Statement s, String sql) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + lakehouse);
  }
}
