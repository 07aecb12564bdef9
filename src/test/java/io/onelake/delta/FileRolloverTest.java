/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onelake.testing.TestLake;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files roll over at the target size at points that depend on the file's rows only, not on how the
 * rows arrive: rewriting a full file's rows with one of them changed (a one-row UPDATE) gives one
 * file again, not a full one and a remainder.
 */
class FileRolloverTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROWS = 60_000;

  @TempDir
  Path dir;

  @Test
  void rewritingAFullFileGivesOneFile() throws Exception {
    TestLake lake = TestLake.local(dir.resolve("lake"));
    try (Connection c = lake.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id BIGINT, label STRING, v DOUBLE)");
      s.execute("SET onelake_target_file_size = '250000'");
      // One statement: every file after the first starts wherever the one before it filled up.
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
        for (int id = 0; id < ROWS; id++) {
          insert.setLong(1, id);
          insert.setString(2, "label " + id + " " + Integer.toHexString(id * 31));
          insert.setDouble(3, id * 1.5);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      int files = lake.dataFiles("t").size();
      assertTrue(files >= 4, "several files: " + files);

      for (long id = 1_000; id < ROWS; id += 4_000) { // a row in every file
        assertEquals(1, s.executeUpdate("UPDATE t SET v = -1 WHERE id = " + id));
        List<JsonNode> actions = lastCommit(lake);
        assertEquals(1, count(actions, "remove"), "id " + id + ": one file rewritten");
        assertEquals(1, count(actions, "add"), "id " + id + ": into one file");
      }
      assertEquals(files, lake.liveFiles("t").size());
    }
  }

  private static List<JsonNode> lastCommit(TestLake lake) throws Exception {
    List<String> commits = new ArrayList<>(lake.commits("t"));
    List<JsonNode> actions = new ArrayList<>();
    for (String line : lake.readLog("t", commits.get(commits.size() - 1)).split("\n")) {
      actions.add(JSON.readTree(line));
    }
    return actions;
  }

  private static long count(List<JsonNode> actions, String kind) {
    return actions.stream().filter(action -> action.has(kind)).count();
  }
}
