/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.onelake.auth.StorageCredential;
import io.onelake.delta.DelegatingFileIO;
import io.onelake.exec.Session;
import io.onelake.exec.SessionSetting;
import io.onelake.exec.SessionSettings;
import io.onelake.storage.LakehouseStorage;
import io.onelake.storage.StorageLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.Meta;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What DBeaver does on connect, against a lakehouse of 300 tables of five commits each: catalogs,
 * schemas, all tables, and every table's columns. Listing tables reads each table's log once, for
 * its comment (Kernel's snapshot load: the commits back to the newest protocol and metadata), and
 * never a data file; the columns then come from those snapshots without reading anything again. The tables' logs are written directly (fast) and
 * their {@code add} actions name data files that do not exist, so reading one would fail.
 */
class MetadataCrawlTest {
  private static final int TABLES = 300;
  private static final int COMMITS = 5;
  private static final int COLUMNS = 8;

  @TempDir
  static Path lakehouse;

  @BeforeAll
  static void createTables() throws IOException {
    long started = System.nanoTime();
    for (int t = 0; t < TABLES; t++) {
      writeTable(lakehouse.resolve("Tables").resolve(String.format(Locale.ROOT, "t%03d", t)));
    }
    System.out.printf(Locale.ROOT, "MetadataCrawlTest: wrote %d tables x %d commits in %d ms%n",
        TABLES, COMMITS, (System.nanoTime() - started) / 1_000_000);
  }

  @Test
  void dbeaverCrawlIsQuick() throws SQLException {
    String url = "jdbc:onelake:file:" + lakehouse.toAbsolutePath();
    long started = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(url)) {
      long connected = System.nanoTime();
      DatabaseMetaData metaData = connection.getMetaData();
      assertEquals(1, rows(metaData.getCatalogs()));
      assertEquals(1, rows(metaData.getSchemas()));
      long tablesStarted = System.nanoTime();
      List<String> names = new ArrayList<>();
      try (ResultSet tables = metaData.getTables(null, null, "%", null)) {
        while (tables.next()) {
          names.add(tables.getString("TABLE_NAME"));
        }
      }
      assertEquals(TABLES, names.size());
      long columnsStarted = System.nanoTime();
      int columns = 0;
      for (String name : names) {
        columns += rows(metaData.getColumns(null, "dbo", name, "%"));
      }
      assertEquals(TABLES * COLUMNS, columns);
      long done = System.nanoTime();
      System.out.printf(Locale.ROOT, "MetadataCrawlTest: connect %d ms, catalogs+schemas %d ms, "
          + "getTables %d ms, getColumns per table for %d tables %d ms (%.2f ms per table), "
          + "whole crawl %d ms%n", ms(connected - started), ms(tablesStarted - connected),
          ms(columnsStarted - tablesStarted), TABLES, ms(done - columnsStarted),
          (done - columnsStarted) / 1e6 / TABLES, ms(done - started));
      // Generous: about 2 s on a shared 2-core machine; a crawl that read data files or whole logs
      // of many commits would still fail the exact counts below first.
      assertTrue(done - started < 60_000_000_000L, "crawl took " + ms(done - started) + " ms");
    }
  }

  @Test
  void tablesReadNoLogAndColumnsReadOnlyWhatTheSchemaNeeds() throws Exception {
    CountingFileIO[] io = new CountingFileIO[1];
    LakehouseStorage local = LakehouseStorage.open(StorageLocation.local(lakehouse),
        StorageCredential.none());
    CountingStorage storage = new CountingStorage(local, io);
    // A TTL that outlasts the test on a slow machine: the columns must come from the listed snapshots.
    try (Session session = new Session("crawl", storage,
        new SessionSettings(Map.of(SessionSetting.METADATA_CACHE_TTL, "10m")), ZoneOffset.UTC);
        Connection connection = DriverManager.getConnection("jdbc:onelake:file:" + lakehouse)) {
      LakehouseMetadata metadata = new LakehouseMetadata((AvaticaConnection) connection, session);
      metadata.catalogs();
      metadata.schemas(null, Meta.Pat.of(null));
      Meta.MetaResultSet tables = metadata.tables(null, Meta.Pat.of(null), Meta.Pat.of("%"), null);
      assertEquals(TABLES, tables.firstFrame.rows.spliterator().getExactSizeIfKnown());
      assertEquals(0, io[0].dataFiles.get(), "getTables reads no data file: " + io[0]);
      assertEquals(TABLES, io[0].logListings.get(), "one _delta_log listing per table: " + io[0]);
      assertTrue(io[0].commits.get() <= TABLES * COMMITS,
          "at most the commits since the last checkpoint: " + io[0]);
      System.out.printf(Locale.ROOT, "MetadataCrawlTest: getTables listed %d directories, %s%n",
          storage.directoryListings.get(), io[0]);

      int before = io[0].opened.get();
      Meta.MetaResultSet columns = metadata.columns(null, Meta.Pat.of(null), Meta.Pat.of("%"),
          Meta.Pat.of("%"));
      assertEquals(TABLES * COLUMNS, columns.firstFrame.rows.spliterator().getExactSizeIfKnown());
      assertEquals(before, io[0].opened.get(), "within the metadata TTL the snapshots are reused");
      assertEquals(TABLES, io[0].logListings.get(), "no _delta_log listed again: " + io[0]);
    }
  }

  private static void writeTable(Path table) throws IOException {
    Path log = table.resolve("_delta_log");
    Files.createDirectories(log);
    StringBuilder fields = new StringBuilder();
    String[] types = {"integer", "long", "string", "double", "date", "timestamp", "boolean",
        "decimal(10,2)"};
    for (int i = 0; i < COLUMNS; i++) {
      fields.append(i == 0 ? "" : ",").append("{\\\"name\\\":\\\"c").append(i)
          .append("\\\",\\\"type\\\":\\\"").append(types[i])
          .append("\\\",\\\"nullable\\\":true,\\\"metadata\\\":{}}");
    }
    String schema = "{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":[" + fields + "]}";
    String first = "{\"commitInfo\":{\"timestamp\":1700000000000,\"operation\":\"CREATE TABLE\"}}\n"
        + "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n"
        + "{\"metaData\":{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"format\":{\"provider\":"
        + "\"parquet\",\"options\":{}},\"schemaString\":\"" + schema + "\",\"partitionColumns\":[],"
        + "\"configuration\":{},\"createdTime\":1700000000000}}\n";
    Files.writeString(log.resolve(commitName(0)), first, StandardCharsets.UTF_8);
    for (int v = 1; v < COMMITS; v++) {
      String add = "{\"commitInfo\":{\"timestamp\":" + (1700000000000L + v) + ",\"operation\":"
          + "\"WRITE\"}}\n{\"add\":{\"path\":\"part-" + v + ".parquet\",\"partitionValues\":{},"
          + "\"size\":1000,\"modificationTime\":1700000000000,\"dataChange\":true,\"stats\":"
          + "\"{\\\"numRecords\\\":10}\"}}\n";
      Files.writeString(log.resolve(commitName(v)), add, StandardCharsets.UTF_8);
    }
  }

  private static String commitName(long version) {
    return String.format(Locale.ROOT, "%020d.json", version);
  }

  private static int rows(ResultSet resultSet) throws SQLException {
    try (resultSet) {
      int n = 0;
      while (resultSet.next()) {
        n++;
      }
      return n;
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  /** A local storage that counts directory listings and hands out a counting FileIO. */
  private static final class CountingStorage implements LakehouseStorage {
    private final LakehouseStorage delegate;
    private final CountingFileIO fileIO;
    final AtomicInteger directoryListings = new AtomicInteger();

    CountingStorage(LakehouseStorage delegate, CountingFileIO[] handle) {
      this.delegate = delegate;
      this.fileIO = new CountingFileIO(delegate.fileIO());
      handle[0] = fileIO;
    }

    @Override
    public StorageLocation location() {
      return delegate.location();
    }

    @Override
    public FileIO fileIO() {
      return fileIO;
    }

    @Override
    public String rootUri() {
      return delegate.rootUri();
    }

    @Override
    public List<String> listDirectories(String uri) throws IOException {
      directoryListings.incrementAndGet();
      return delegate.listDirectories(uri);
    }

    @Override
    public boolean exists(String uri) throws IOException {
      return delegate.exists(uri);
    }

    @Override
    public void deleteRecursively(String uri) throws IOException {
      delegate.deleteRecursively(uri);
    }

    @Override
    public void createDirectory(String uri) throws IOException {
      delegate.createDirectory(uri);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** Counts what Kernel opens and lists, by kind of file. */
  private static final class CountingFileIO extends DelegatingFileIO {
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger checkpoints = new AtomicInteger();
    final AtomicInteger dataFiles = new AtomicInteger();
    final AtomicInteger otherLogFiles = new AtomicInteger();
    final AtomicInteger logListings = new AtomicInteger();

    CountingFileIO(FileIO delegate) {
      super(delegate);
    }

    @Override
    public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
      if (filePath.contains("/_delta_log/")) {
        logListings.incrementAndGet();
      }
      return super.listFrom(filePath);
    }

    @Override
    public InputFile newInputFile(String path, long fileSize) {
      opened.incrementAndGet();
      if (!path.contains("/_delta_log/")) {
        dataFiles.incrementAndGet();
      } else if (path.endsWith(".json") && !path.contains("checkpoint")) {
        commits.incrementAndGet();
      } else if (path.contains(".checkpoint.")) {
        checkpoints.incrementAndGet();
      } else {
        otherLogFiles.incrementAndGet();
      }
      return super.newInputFile(path, fileSize);
    }

    @Override
    public String toString() {
      return "opened " + opened + " files (" + commits + " commit JSON, " + checkpoints
          + " checkpoint parts, " + otherLogFiles + " other log files such as _last_checkpoint, " + dataFiles + " data files), "
          + logListings + " _delta_log listings";
    }
  }
}
