/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the driver up in the background when its class loads: the first statement of a JVM otherwise
 * pays for loading and initializing Calcite's parser, validator, planner and Janino code generation,
 * Delta Kernel, Parquet and Jackson (seconds; see docs/performance.md). The warm-up runs one small
 * table's whole life (CREATE, INSERT, SELECT with a filter, an aggregate and a parameter) in a fresh
 * temporary folder on a daemon thread, then deletes the folder. It touches no user storage, never
 * blocks {@code connect} (classes load once, whichever thread gets there first, so an application's
 * first statement only waits for what the warm-up is loading at that moment) and only logs at debug
 * level if it fails. {@code -Donelake.warmup=false} turns it off.
 *
 * <p>The only state is the once-per-JVM flag: the warm-up's effect (loaded, initialized classes and
 * Calcite's own caches) is the JVM's anyway, and running it twice would change nothing.
 */
final class DriverWarmup {
  /** The system property that turns the warm-up off ({@code false}). */
  static final String PROPERTY = "onelake.warmup";
  private static final Logger LOG = LoggerFactory.getLogger(DriverWarmup.class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private DriverWarmup() {}

  /** Starts the warm-up thread, once per JVM, unless the system property turns it off. */
  static void startOnce() {
    if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim())
        || !STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(DriverWarmup::run, "onelake-warmup");
    thread.setDaemon(true);
    // Below the application's threads: on a busy machine their work goes first.
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  /** The warm-up itself, on the calling thread. */
  static void run() {
    long started = System.nanoTime();
    Path folder = null;
    try {
      folder = Files.createTempDirectory("onelake-warmup");
      warmUp(folder);
      LOG.debug("Driver warm-up took {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError) {
        throw (VirtualMachineError) e;
      }
      LOG.debug("Driver warm-up failed (harmless: the first statement is only slower)", e);
    } finally {
      if (folder != null) {
        delete(folder);
      }
    }
  }

  private static void warmUp(Path folder) throws SQLException {
    OneLakeDriver driver = new OneLakeDriver();
    try (Connection connection = driver.connect("jdbc:onelake:file:" + folder.toAbsolutePath(),
        new Properties())) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE warmup (id INT, name STRING, amount DECIMAL(10, 2), "
            + "day DATE, at TIMESTAMP)");
        statement.execute("INSERT INTO warmup VALUES (1, 'a', 1.50, DATE '2024-01-01', "
            + "TIMESTAMP '2024-01-01 00:00:00'), (2, 'b', 2.50, DATE '2024-01-02', "
            + "TIMESTAMP '2024-01-02 00:00:00')");
        consume(statement.executeQuery("SELECT name, COUNT(*), SUM(amount) FROM warmup "
            + "WHERE id > 0 GROUP BY name ORDER BY name"));
      }
      try (PreparedStatement prepared = connection.prepareStatement(
          "SELECT id, name, amount, day, at FROM warmup WHERE id = ?")) {
        prepared.setInt(1, 2);
        consume(prepared.executeQuery());
      }
    }
  }

  private static void consume(ResultSet rows) throws SQLException {
    try (rows) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int i = 1; i <= columns; i++) {
          rows.getObject(i);
        }
      }
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | RuntimeException e) {
      LOG.debug("Could not delete the warm-up folder {}", folder, e);
    }
  }
}
