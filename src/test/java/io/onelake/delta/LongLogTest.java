/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table with thousands of commits still opens fast: the driver writes a checkpoint every
 * {@code delta.checkpointInterval} commits, so opening reads the newest checkpoint and the few
 * commits after it — never the whole log. Proven by deleting every commit file before the checkpoint
 * (as Delta's log clean-up would) and reading the table from a new connection.
 */
class LongLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int COMMITS = 3000;

  @TempDir
  Path lake;

  @Test
  void tableWithThousandsOfCommitsOpensFromItsCheckpoint() throws Exception {
    Path table = lake.resolve("Tables").resolve("events");
    Path log = table.resolve("_delta_log");
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE events (id INT, kind STRING)");
      s.execute("INSERT INTO events VALUES (1, 'first')");
    }
    // Versions 2 … COMMITS-1 are appends of one file each, written straight into the log (the
    // driver would need minutes for thousands of commits); each copies the file of version 1.
    JsonNode firstAdd = action(log.resolve(commitName(1)), "add");
    Path firstFile = table.resolve(firstAdd.get("path").asText());
    String commitInfo = "{\"commitInfo\":{\"timestamp\":1700000000000,\"operation\":\"WRITE\","
        + "\"operationParameters\":{\"mode\":\"Append\"},\"isBlindAppend\":true}}\n";
    for (int version = 2; version < COMMITS; version++) {
      String name = "part-copy-" + version + ".snappy.parquet";
      Files.copy(firstFile, table.resolve(name));
      ObjectNode add = firstAdd.deepCopy();
      add.put("path", name);
      Files.writeString(log.resolve(commitName(version)),
          commitInfo + "{\"add\":" + JSON.writeValueAsString(add) + "}\n", StandardCharsets.UTF_8);
    }
    // The driver's next commit lands on a checkpoint version.
    try (Connection c = connect(); Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate("INSERT INTO events VALUES (2, 'last')"));
    }
    assertEquals(COMMITS, JSON.readTree(log.resolve("_last_checkpoint").toFile()).get("version").asLong());
    assertTrue(Files.exists(log.resolve(String.format(Locale.ROOT, "%020d.checkpoint.parquet", COMMITS))));

    try (var files = Files.list(log)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.matches("\\d{20}\\.(json|crc)") && version(name) < COMMITS) {
          Files.delete(file);
        }
      }
    }
    try (Connection c = connect(); Statement s = c.createStatement()) {
      // Opening: the statistics skip every file, so this statement costs the snapshot load alone.
      long started = System.nanoTime();
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM events WHERE kind = 'none'")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getLong(1));
      }
      long openMillis = (System.nanoTime() - started) / 1_000_000;
      started = System.nanoTime();
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(kind), MAX(kind) FROM events")) {
        assertTrue(rs.next());
        assertEquals(COMMITS, rs.getLong(1)); // one row per commit but the CREATE
        assertEquals("first", rs.getString(2));
        assertEquals("last", rs.getString(3));
      }
      long scanMillis = (System.nanoTime() - started) / 1_000_000;
      System.out.printf(Locale.ROOT, "LongLogTest: %d commits: opened from the checkpoint in %d ms; "
          + "scan of its %d one-row files %d ms%n", COMMITS + 1, openMillis, COMMITS, scanMillis);
      // Generous for a shared machine (about 1 s here, JIT warm-up and planning included);
      // replaying thousands of commits would not be the failure mode (the deleted commit files would).
      assertTrue(openMillis < 15_000, "opening took " + openMillis + " ms");
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:onelake:file:" + lake);
  }

  private static JsonNode action(Path commit, String kind) throws Exception {
    List<String> lines = Files.readAllLines(commit);
    for (String line : lines) {
      JsonNode action = JSON.readTree(line);
      if (action.has(kind)) {
        return action.get(kind);
      }
    }
    throw new AssertionError("no " + kind + " action in " + commit);
  }

  private static long version(String fileName) {
    return Long.parseLong(fileName.substring(0, 20));
  }

  private static String commitName(long version) {
    return String.format(Locale.ROOT, "%020d.json", version);
  }
}
