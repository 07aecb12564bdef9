/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DuckDB as an independent reader of the Parquet files the driver writes: one SQL statement per call,
 * run by {@code test-tools/duckdb/query.mjs} in a child {@code node} process, rows back as JSON
 * objects. Installed by {@code npm ci --prefix test-tools/duckdb} (see .ci/run).
 */
public final class DuckDb {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 120;

  private final Path script;

  private DuckDb(Path script) {
    this.script = script;
  }

  /** The reader installed under system property {@code duckdb.home}, or {@code test-tools/duckdb}. */
  public static DuckDb installed() {
    String home = System.getProperty("duckdb.home");
    Path dir = Paths.get(home == null || home.isBlank() ? "test-tools/duckdb" : home)
        .toAbsolutePath().normalize();
    if (!Files.isDirectory(dir.resolve("node_modules/@duckdb/node-api"))) {
      throw new IllegalStateException(
          "DuckDB not installed at " + dir + " (run: npm ci --prefix test-tools/duckdb)");
    }
    return new DuckDb(dir.resolve("query.mjs"));
  }

  /** The rows of a query, each a JSON object of column name to DuckDB's JSON value. */
  public List<JsonNode> query(String sql) {
    requireNonNull(sql, "sql");
    String node = "node";
    try {
      Path output = Files.createTempFile("duckdb-", ".json");
      try {
        Process process = new ProcessBuilder(node, script.toString(), sql)
            .redirectOutput(output.toFile()).redirectErrorStream(false).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("DuckDB did not answer within " + TIMEOUT_SECONDS + " s");
        }
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new IllegalStateException("DuckDB failed on [" + sql + "]: " + errors);
        }
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(output.toFile()).forEach(rows::add);
        return rows;
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run DuckDB with " + node, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while DuckDB ran", e);
    }
  }
}
