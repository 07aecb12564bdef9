/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onelake.testing.AzuriteExtension;
import io.onelake.testing.AzuriteProcess;
import io.onelake.testing.TestLake;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statement whose table another connection drops while it runs commits nothing: Kernel would write
 * the next commit file into the dropped table's folder, leaving a log that starts in the middle.
 * Before the check, an INSERT or a batch within the metadata cache's lifetime did exactly that and
 * reported success.
 */
@ExtendWith(AzuriteExtension.class)
class DroppedTableCommitTest {
  @TempDir
  Path dir;

  @Test
  void writesToADroppedTableCommitNothingLocal() throws Exception {
    writesToADroppedTableCommitNothing(TestLake.local(dir.resolve("lake")));
  }

  @Test
  void writesToADroppedTableCommitNothingAzurite(AzuriteProcess azurite) throws Exception {
    writesToADroppedTableCommitNothing(TestLake.azurite(azurite, "dropped"));
  }

  private static void writesToADroppedTableCommitNothing(TestLake lake) throws Exception {
    try (Connection c = lake.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INT)");
        s.execute("INSERT INTO t VALUES (1)");
      }
      PreparedStatement single = c.prepareStatement("INSERT INTO t VALUES (7)");
      PreparedStatement batch = c.prepareStatement("INSERT INTO t VALUES (?)");
      for (int i = 0; i < 5_000; i++) {
        batch.setInt(1, i);
        batch.addBatch(); // streamed into files of the table's folder
      }
      try (Connection other = lake.connect(); Statement s = other.createStatement()) {
        s.execute("SET onelake_allow_destructive_operations = true");
        s.execute("DROP TABLE t");
      }
      assertEquals(Set.of(), lake.commits("t"));

      // Both run within the metadata cache's lifetime, with the table version read before the drop.
      SQLException e = assertThrows(SQLException.class, single::executeUpdate);
      assertEquals("42S02", e.getSQLState(), e.toString());
      assertTrue(e.getMessage().contains("dropped"), e.getMessage());
      assertThrows(SQLException.class, batch::executeBatch);

      assertEquals(Set.of(), lake.commits("t"), "no commit file in the dropped table's folder");
      assertEquals(Set.of(), lake.dataFiles("t"), "no data file left behind");
      batch.close();
      single.close();
    }
  }
}
