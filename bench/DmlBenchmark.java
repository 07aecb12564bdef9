/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;

/**
 * Row-level DML (DELETE, UPDATE, MERGE) through the driver against the raw parquet-hadoop
 * reader/writer doing the same physical work, in one run.
 *
 * <p>For every row count N it builds, through the driver, a table {@code t} of the same deterministic
 * 16-column lineitem-like rows as {@link WriteBenchmark} (batches into a staging table, then
 * {@code INSERT ... SELECT}), partitioned by {@code l_returnflag} (3 values), with files rolled at a
 * small {@code onelake_target_file_size} (9 files) and {@code l_orderkey} clustered in the files,
 * plus a MERGE source table {@code src}. Then, one after the other on the same table:
 * <ol>
 *   <li>{@code delete-10pct}: {@code DELETE FROM t WHERE MOD(l_orderkey, 10) = 0} (all files);</li>
 *   <li>{@code update-10pct}: {@code UPDATE t SET l_quantity = l_quantity + 1 WHERE
 *       MOD(l_orderkey, 10) = 1} (all files);</li>
 *   <li>{@code update-one-row}: one row by {@code l_orderkey}, {@code l_linenumber} and the partition
 *       column; the commit must remove and add exactly one file;</li>
 *   <li>{@code merge-100k}: {@code MERGE INTO t USING src} with 100,000 source rows, half matching
 *       target rows spread over all files, half new.</li>
 * </ol>
 * After each statement the yardstick does the same physical work with parquet-hadoop: it reads the
 * files the commit removed (the files the statement touched, still on disk) with ParquetReader,
 * applies the change in plain Java and writes the resulting rows with ParquetWriter (SNAPPY, one
 * rolling writer per partition, files rolled at the same target size). Results are checked through
 * SQL (counts, sums) against a model computed from the generator, and the yardstick's row counts
 * against the commit's metrics.
 *
 * <p>Run with {@code bench/run-dml.sh [rows...]}, which compiles this file together with
 * WriteBenchmark.java (rows, raw reader/writer and helpers are shared) into target/bench-classes.
 * System properties: {@code bench.dir}, {@code bench.keep}, {@code bench.warmup} (rows of an untimed
 * warm-up round, default 100000), {@code bench.jfr} (phases to record with JFR), {@code bench.fileSize}
 * (target file size in bytes; default N × 6, which gives t 9 files), {@code bench.mergeRows} (source rows
 * of the MERGE, default 100000, at most N/10).
 */
@SuppressWarnings("deprecation")
public final class DmlBenchmark {
  static final String PARTITION = "l_returnflag";
  /** The Parquet schema of the table's data files: Delta leaves the partition column out. */
  static final MessageType DATA_SCHEMA = new MessageType("lineitem", WriteBenchmark.PARQUET_SCHEMA
      .getFields().stream().filter(f -> !f.getName().equals(PARTITION)).collect(Collectors.toList()));
  /**
   * Default target file size per row of the table: N × 6 bytes gives 9 files (3 per partition) at 1M
   * rows. Kernel compares the setting with {@code ParquetWriter.getDataSize()}, the in-memory size,
   * so the files come out smaller than the setting (about 4 MB for 6 MB at 1M rows).
   */
  static final long TARGET_BYTES_PER_ROW = 6;
  static final Pattern METRIC = Pattern.compile("\"(num\\w+)\":\"?(\\d+)\"?");
  static final Pattern REMOVE = Pattern.compile("\\{\"remove\":\\{\"path\":\"([^\"]+)\"");
  static final Pattern ADD = Pattern.compile("\\{\"add\":\\{\"path\":\"([^\"]+)\"");
  static final Pattern PARTITION_DIR = Pattern.compile(PARTITION + "=([^/]+)/");

  static boolean quiet;
  static final List<Phase> RESULTS = new ArrayList<>();

  // ---------------------------------------------------------------- measuring

  static WriteBenchmark.Timing measure(String phase, long rows, WriteBenchmark.Body body)
      throws Exception {
    return WriteBenchmark.measure(phase, rows, !quiet, body);
  }

  /** One reported phase: the statement through the driver and its yardstick. */
  record Phase(long rows, String phase, String statement, WriteBenchmark.Timing driver,
      WriteBenchmark.Timing raw, long changed, Commit commit, long liveFilesBefore,
      RawResult rawResult) {
    double ratio() {
      return raw == null ? Double.NaN : driver.seconds() / raw.seconds();
    }

    double cpuRatio() {
      return raw == null ? Double.NaN : driver.cpuSeconds() / raw.cpuSeconds();
    }
  }

  static void info(long rows, String phase, WriteBenchmark.Timing t, String what) {
    if (!quiet) {
      System.out.printf(Locale.ROOT, "  %-16s %8.2f s %7.2f CPU s  load %s  (%s)%n", phase, t.seconds(),
          t.cpuSeconds(), t.load(), what);
      RESULTS.add(new Phase(rows, phase, what, t, null, 0, null, 0, null));
    }
  }

  // ---------------------------------------------------------------- the Delta log

  /** What a commit did, from its JSON file in _delta_log. */
  record Commit(long version, String operation, Map<String, Long> metrics, List<String> removed,
      List<String> added) {
    long metric(String name) {
      Long value = metrics.get(name);
      if (value == null) {
        throw new IllegalStateException("commit " + version + " has no metric " + name + ": " + metrics);
      }
      return value;
    }
  }

  static TreeMap<Long, Path> commitFiles(Path table) throws IOException {
    TreeMap<Long, Path> versions = new TreeMap<>();
    try (Stream<Path> files = Files.list(table.resolve("_delta_log"))) {
      files.filter(p -> p.getFileName().toString().matches("\\d{20}\\.json"))
          .forEach(p -> versions.put(Long.parseLong(p.getFileName().toString().substring(0, 20)), p));
    }
    return versions;
  }

  static Commit lastCommit(Path table) throws IOException {
    Map.Entry<Long, Path> last = commitFiles(table).lastEntry();
    Map<String, Long> metrics = new LinkedHashMap<>();
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    String operation = "?";
    for (String line : Files.readAllLines(last.getValue())) {
      if (line.startsWith("{\"commitInfo\"")) {
        Matcher op = Pattern.compile("\"operation\":\"([^\"]+)\"").matcher(line);
        operation = op.find() ? op.group(1) : "?";
        int at = line.indexOf("\"operationMetrics\"");
        Matcher m = METRIC.matcher(line.substring(at < 0 ? line.length() : at));
        while (m.find()) {
          metrics.put(m.group(1), Long.parseLong(m.group(2)));
        }
      }
      collect(REMOVE, line, removed);
      collect(ADD, line, added);
    }
    return new Commit(last.getKey(), operation, metrics, removed, added);
  }

  private static void collect(Pattern pattern, String line, List<String> into) {
    Matcher m = pattern.matcher(line);
    if (m.find()) {
      into.add(URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8));
    }
  }

  /** Live data files: the adds minus the removes of all commits (the JSON log is complete here). */
  static Set<String> liveFiles(Path table) throws IOException {
    Set<String> live = new HashSet<>();
    for (Path file : commitFiles(table).values()) {
      for (String line : Files.readAllLines(file)) {
        List<String> paths = new ArrayList<>();
        collect(ADD, line, paths);
        live.addAll(paths);
        paths.clear();
        collect(REMOVE, line, paths);
        paths.forEach(live::remove);
      }
    }
    return live;
  }

  // ---------------------------------------------------------------- the yardstick

  static final int DROP = 0;
  static final int KEEP = 1;
  static final int CHANGED = 2;

  /** What to do with each row read: change it in place; returns DROP, KEEP or CHANGED. */
  @FunctionalInterface
  interface RowChange {
    int apply(WriteBenchmark.Row row);
  }

  record RawResult(long read, long written, long changed, long filesWritten) {}

  /**
   * One raw ParquetWriter per partition value, rolled over at the target size as the driver's Kernel
   * writer does (it checks {@code getDataSize()} after every row, this every 1,024 rows).
   */
  static final class RawPartitionedWriter implements AutoCloseable {
    private final Path dir;
    private final long targetFileSize;
    private final Map<String, OpenFile> open = new HashMap<>();
    long files;
    long rows;

    RawPartitionedWriter(Path dir, long targetFileSize) {
      this.dir = dir;
      this.targetFileSize = targetFileSize;
    }

    private static final class OpenFile {
      final ParquetWriter<WriteBenchmark.Row> writer;
      long rows;

      OpenFile(ParquetWriter<WriteBenchmark.Row> writer) {
        this.writer = writer;
      }
    }

    void write(WriteBenchmark.Row row) throws IOException {
      OpenFile file = open.get(row.returnflag);
      if (file == null) {
        Path path = dir.resolve(PARTITION + "=" + row.returnflag)
            .resolve(String.format(Locale.ROOT, "part-%05d.snappy.parquet", files++));
        Files.createDirectories(path.getParent());
        file = new OpenFile(new WriteBenchmark.RowWriterBuilder(path, DATA_SCHEMA)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
            .build());
        open.put(row.returnflag, file);
      }
      file.writer.write(row);
      rows++;
      if ((++file.rows & 1023) == 0 && file.writer.getDataSize() >= targetFileSize) {
        file.writer.close();
        open.remove(row.returnflag);
      }
    }

    @Override
    public void close() throws IOException {
      for (OpenFile file : open.values()) {
        file.writer.close();
      }
      open.clear();
    }
  }

  /**
   * Reads {@code files} of the table with the raw reader, applies {@code change} to every row and
   * writes the rows it keeps, then {@code extra} rows (MERGE inserts), with the raw writer.
   */
  static RawResult rawRewrite(Path table, List<String> files, Path out, long targetFileSize,
      RowChange change, Iterable<WriteBenchmark.Row> extra) throws IOException {
    WriteBenchmark.deleteTree(out);
    long read = 0;
    long changed = 0;
    RawPartitionedWriter writer = new RawPartitionedWriter(out, targetFileSize);
    try (writer) {
      for (String file : files) {
        Matcher partition = PARTITION_DIR.matcher(file);
        String value = partition.find() ? partition.group(1) : null;
        try (ParquetReader<WriteBenchmark.Row> reader =
            new WriteBenchmark.RowReaderBuilder(table.resolve(file)).build()) {
          WriteBenchmark.Row row;
          while ((row = reader.read()) != null) {
            read++;
            row.returnflag = value;
            int action = change.apply(row);
            if (action != DROP) {
              writer.write(row);
            }
            if (action != KEEP) {
              changed++;
            }
          }
        }
      }
      for (WriteBenchmark.Row row : extra) {
        writer.write(row);
        changed++;
      }
    }
    return new RawResult(read, writer.rows, changed, writer.files);
  }

  /** All rows of the data files of an unpartitioned table (the MERGE source), by key. */
  static Map<Long, WriteBenchmark.Row> rawReadByKey(Path table) throws IOException {
    Map<Long, WriteBenchmark.Row> rows = new HashMap<>();
    for (Path file : WriteBenchmark.parquetFiles(table)) {
      try (ParquetReader<WriteBenchmark.Row> reader = new WriteBenchmark.RowReaderBuilder(file).build()) {
        WriteBenchmark.Row row;
        while ((row = reader.read()) != null) {
          WriteBenchmark.Row copy = new WriteBenchmark.Row();
          copy.orderkey = row.orderkey;
          copy.partkey = row.partkey;
          copy.suppkey = row.suppkey;
          copy.linenumber = row.linenumber;
          copy.quantity = row.quantity;
          copy.extendedprice = row.extendedprice;
          copy.discount = row.discount;
          copy.tax = row.tax;
          copy.returnflag = row.returnflag;
          copy.linestatus = row.linestatus;
          copy.shipdate = row.shipdate;
          copy.commitdate = row.commitdate;
          copy.receiptdate = row.receiptdate;
          copy.shipinstruct = row.shipinstruct;
          copy.shipmode = row.shipmode;
          copy.comment = row.comment;
          rows.put(key(copy.orderkey, copy.linenumber), copy);
        }
      }
    }
    return rows;
  }

  static long key(long orderkey, int linenumber) {
    return orderkey * 8 + linenumber;
  }

  // ---------------------------------------------------------------- the expected results

  /** Row numbers of the generator whose rows the MERGE source updates: spread evenly, none deleted. */
  static long[] mergeMatches(long rows, int matched) {
    long step = rows / matched;
    long[] picks = new long[matched];
    WriteBenchmark.Row row = new WriteBenchmark.Row();
    for (int j = 0; j < matched; j++) {
      long i = j * step + step / 2;
      row.fill(i);
      while (deleted(row)) {
        row.fill(++i);
      }
      picks[j] = i;
    }
    return picks;
  }

  static boolean deleted(WriteBenchmark.Row row) {
    return row.orderkey % 10 == 0;
  }

  static boolean updated(WriteBenchmark.Row row) {
    return row.orderkey % 10 == 1;
  }

  /** Source row {@code j} of the MERGE: a changed copy of a target row, or a new row. */
  static WriteBenchmark.Row sourceRow(long rows, long[] matches, int j) {
    WriteBenchmark.Row row = new WriteBenchmark.Row();
    if (j < matches.length) {
      row.fill(matches[j]);
      row.quantity += 700;
      row.comment = "merged " + row.comment;
    } else {
      row.fill(rows + matches[j - matches.length]); // keys above the table's: new rows
    }
    return row;
  }

  static long[] countAndSums(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT COUNT(*), SUM(l_orderkey), SUM(l_quantity) FROM " + table)) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), WriteBenchmark.unscaled(rs.getBigDecimal(3))};
    }
  }

  static long queryLong(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long update(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return statement.executeLargeUpdate(sql);
    }
  }

  static void checkTable(Connection connection, String what, long rows, long sumOrderkey,
      long sumQuantity) throws SQLException {
    long[] actual = countAndSums(connection, "t");
    WriteBenchmark.check(what + ": COUNT(*)", actual[0], rows);
    WriteBenchmark.check(what + ": SUM(l_orderkey)", actual[1], sumOrderkey);
    WriteBenchmark.check(what + ": SUM(l_quantity) (unscaled)", actual[2], sumQuantity);
  }

  // ---------------------------------------------------------------- one round

  static long targetFileSize(long rows) {
    String property = System.getProperty("bench.fileSize");
    if (property != null) {
      return Long.parseLong(property);
    }
    return Math.max(256 * 1024, rows * TARGET_BYTES_PER_ROW);
  }

  static void round(Path base, long rows) throws Exception {
    Path dir = base.resolve("dml-rows-" + rows);
    WriteBenchmark.deleteTree(dir);
    Path lake = dir.resolve("lakehouse");
    Path scratch = dir.resolve("raw");
    Files.createDirectories(lake);
    Path table = lake.resolve("Tables").resolve("t");
    long fileSize = targetFileSize(rows);
    int mergeRows = (int) Math.min(Long.getLong("bench.mergeRows", 100_000L), rows / 10);
    int matched = mergeRows / 2;
    if (!quiet) {
      System.out.println();
      System.out.println("== " + rows + " rows (target file size " + fileSize + " bytes, MERGE source "
          + mergeRows + " rows) ==");
    }

    // The model: what every statement must change, from the generator.
    long[] matches = mergeMatches(rows, matched);
    Set<Long> matchSet = new HashSet<>();
    for (long i : matches) {
      matchSet.add(i);
    }
    long oneRow = rows / 2 + 3;
    WriteBenchmark.Row r = new WriteBenchmark.Row();
    r.fill(oneRow);
    while (deleted(r) || matchSet.contains(oneRow)) {
      r.fill(++oneRow);
    }
    long oneKey = r.orderkey;
    int oneLine = r.linenumber;
    String oneFlag = r.returnflag;
    long oneQuantity = r.quantity + (updated(r) ? 100 : 0) + 100;
    long sumKey = 0;
    long sumQty = 0;
    long deletes = 0;
    long keptSumKey = 0;
    long keptSumQty = 0;
    long updates = 0;
    long mergedQtyChange = 0;
    for (long i = 0; i < rows; i++) {
      r.fill(i);
      sumKey += r.orderkey;
      sumQty += r.quantity;
      if (deleted(r)) {
        deletes++;
        continue;
      }
      keptSumKey += r.orderkey;
      keptSumQty += r.quantity;
      if (updated(r)) {
        updates++;
      }
    }
    long insertsSumKey = 0;
    long insertsSumQty = 0;
    for (int j = 0; j < mergeRows; j++) {
      WriteBenchmark.Row s = sourceRow(rows, matches, j);
      if (j < matched) {
        r.fill(matches[j]);
        long current = r.quantity + (updated(r) ? 100 : 0);
        mergedQtyChange += s.quantity - current;
      } else {
        insertsSumKey += s.orderkey;
        insertsSumQty += s.quantity;
      }
    }

    String url = "jdbc:onelake:file:" + lake.toAbsolutePath();
    try (Connection connection = DriverManager.getConnection(url)) {
      // Setup, reported for information.
      info(rows, "setup-batches", measure("setup-batches", rows, () -> {
        WriteBenchmark.jdbcBatches(connection, "t_stage", rows);
        return null;
      }), "batches of 10,000 rows into the staging table t_stage");
      WriteBenchmark.Timing load = measure("setup-insert", rows, () -> {
        update(connection, "SET onelake_target_file_size = '" + fileSize + "'");
        update(connection, "CREATE TABLE t (" + WriteBenchmark.DDL_COLUMNS + ") PARTITIONED BY ("
            + PARTITION + ")");
        return update(connection, "INSERT INTO t SELECT * FROM t_stage");
      });
      info(rows, "setup-insert", load, "INSERT INTO t SELECT * FROM t_stage, PARTITIONED BY ("
          + PARTITION + "), target file size " + fileSize);
      WriteBenchmark.check("setup-insert update count", (Long) load.value(), rows);
      checkTable(connection, "setup", rows, sumKey, sumQty);
      info(rows, "setup-source", measure("setup-source", rows, () -> {
        update(connection, "CREATE TABLE src (" + WriteBenchmark.DDL_COLUMNS + ")");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO src VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          for (int j = 0; j < mergeRows; j++) {
            WriteBenchmark.bind(insert, sourceRow(rows, matches, j));
            insert.addBatch();
            if ((j + 1) % WriteBenchmark.BATCH == 0 || j == mergeRows - 1) {
              insert.executeBatch();
            }
          }
        }
        return null;
      }), "MERGE source src: " + mergeRows + " rows, " + matched + " matching");
      if (!quiet) {
        System.out.println("  t has " + liveFiles(table).size() + " data files");
      }

      // delete-10pct
      long deletedRows = deletes;
      phase(connection, table, scratch, rows, fileSize, "delete-10pct",
          "DELETE FROM t WHERE MOD(l_orderkey, 10) = 0",
          row -> deleted(row) ? DROP : KEEP, List.of(), deletedRows, (commit, raw) -> {
            WriteBenchmark.check("delete: numDeletedRows", commit.metric("numDeletedRows"), deletedRows);
            WriteBenchmark.check("delete: yardstick rows dropped", raw.read() - raw.written(),
                deletedRows);
            WriteBenchmark.check("delete: yardstick rows kept vs numCopiedRows", raw.written(),
                commit.metric("numCopiedRows"));
          });
      checkTable(connection, "after delete-10pct", rows - deletes, keptSumKey, keptSumQty);
      WriteBenchmark.check("after delete-10pct: matching rows left",
          queryLong(connection, "SELECT COUNT(*) FROM t WHERE MOD(l_orderkey, 10) = 0"), 0);

      // update-10pct
      long updatedRows = updates;
      phase(connection, table, scratch, rows, fileSize, "update-10pct",
          "UPDATE t SET l_quantity = l_quantity + 1 WHERE MOD(l_orderkey, 10) = 1",
          row -> {
            if (updated(row)) {
              row.quantity += 100;
              return CHANGED;
            }
            return KEEP;
          }, List.of(), updatedRows, (commit, raw) -> {
            WriteBenchmark.check("update: yardstick rows changed", raw.changed(), updatedRows);
            WriteBenchmark.check("update: yardstick rows written vs updated + copied", raw.written(),
                commit.metric("numUpdatedRows") + commit.metric("numCopiedRows"));
          });
      long afterUpdateQty = keptSumQty + 100 * updates;
      checkTable(connection, "after update-10pct", rows - deletes, keptSumKey, afterUpdateQty);

      // update-one-row
      phase(connection, table, scratch, rows, fileSize, "update-one-row",
          "UPDATE t SET l_quantity = l_quantity + 1, l_comment = 'updated one row' WHERE l_orderkey = "
              + oneKey + " AND l_linenumber = " + oneLine + " AND " + PARTITION + " = '" + oneFlag + "'",
          row -> {
            if (row.orderkey == oneKey && row.linenumber == oneLine) {
              row.quantity += 100;
              row.comment = "updated one row";
              return CHANGED;
            }
            return KEEP;
          }, List.of(), 1, (commit, raw) -> {
            WriteBenchmark.check("update-one-row: numRemovedFiles", commit.metric("numRemovedFiles"), 1);
            WriteBenchmark.check("update-one-row: numAddedFiles", commit.metric("numAddedFiles"), 1);
            WriteBenchmark.check("update-one-row: yardstick rows changed", raw.changed(), 1);
          });
      long afterOneQty = afterUpdateQty + 100;
      checkTable(connection, "after update-one-row", rows - deletes, keptSumKey, afterOneQty);
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT l_quantity, l_comment FROM t WHERE l_orderkey = "
              + oneKey + " AND l_linenumber = " + oneLine)) {
        WriteBenchmark.check("update-one-row: row found", rs.next() ? 1 : 0, 1);
        WriteBenchmark.check("update-one-row: new l_quantity",
            WriteBenchmark.unscaled(rs.getBigDecimal(1)), oneQuantity);
        if (!"updated one row".equals(rs.getString(2))) {
          throw new IllegalStateException("update-one-row: l_comment is " + rs.getString(2));
        }
      }

      // merge-100k
      Path srcTable = lake.resolve("Tables").resolve("src");
      long inserts = mergeRows - matched;
      phase(connection, table, scratch, rows, fileSize, "merge-100k",
          "MERGE INTO t USING src s ON t.l_orderkey = s.l_orderkey AND t.l_linenumber = s.l_linenumber"
              + " WHEN MATCHED THEN UPDATE SET l_quantity = s.l_quantity, l_comment = s.l_comment"
              + " WHEN NOT MATCHED THEN INSERT *",
          null, null, mergeRows, (commit, raw) -> {
            WriteBenchmark.check("merge: numTargetRowsUpdated", commit.metric("numTargetRowsUpdated"),
                matched);
            WriteBenchmark.check("merge: numTargetRowsInserted", commit.metric("numTargetRowsInserted"),
                inserts);
            WriteBenchmark.check("merge: yardstick rows changed", raw.changed(), mergeRows);
            WriteBenchmark.check("merge: yardstick rows written vs numOutputRows", raw.written(),
                commit.metric("numOutputRows"));
          }, srcTable);
      checkTable(connection, "after merge-100k", rows - deletes + inserts, keptSumKey + insertsSumKey,
          afterOneQty + mergedQtyChange + insertsSumQty);
      WriteBenchmark.check("after merge-100k: merged rows",
          queryLong(connection, "SELECT COUNT(*) FROM t WHERE l_comment LIKE 'merged %'"), matched);
      if (!quiet) {
        System.out.println("  checks passed (update counts, commit metrics, COUNT(*), SUM(l_orderkey), "
            + "SUM(l_quantity), yardstick row counts)");
      }
    }
    if (!Boolean.getBoolean("bench.keep")) {
      WriteBenchmark.deleteTree(dir);
    }
  }

  @FunctionalInterface
  interface CommitCheck {
    void check(Commit commit, RawResult raw);
  }

  static long phase(Connection connection, Path table, Path scratch, long rows, long fileSize,
      String name, String sql, RowChange change, List<WriteBenchmark.Row> extra, long expected,
      CommitCheck check) throws Exception {
    return phase(connection, table, scratch, rows, fileSize, name, sql, change, extra, expected, check,
        null);
  }

  /**
   * Runs one statement through the driver, then the yardstick over the files its commit removed;
   * for a MERGE ({@code source} given) the yardstick also reads the source and applies it by key.
   */
  static long phase(Connection connection, Path table, Path scratch, long rows, long fileSize,
      String name, String sql, RowChange change, List<WriteBenchmark.Row> extra, long expected,
      CommitCheck check, Path source) throws Exception {
    long liveBefore = liveFiles(table).size();
    long versionBefore = commitFiles(table).lastKey();
    WriteBenchmark.Timing driver = measure(name, rows, () -> update(connection, sql));
    long count = (Long) driver.value();
    WriteBenchmark.check(name + ": update count", count, expected);
    Commit commit = lastCommit(table);
    WriteBenchmark.check(name + ": one new commit", commit.version(), versionBefore + 1);
    Path out = scratch.resolve(name);
    WriteBenchmark.Timing raw = measure("raw-" + name, rows, () -> {
      if (source == null) {
        return rawRewrite(table, commit.removed(), out, fileSize, change, extra);
      }
      Map<Long, WriteBenchmark.Row> byKey = rawReadByKey(source);
      RawResult result = rawRewrite(table, commit.removed(), out, fileSize, row -> {
        WriteBenchmark.Row s = byKey.remove(key(row.orderkey, row.linenumber));
        if (s == null) {
          return KEEP;
        }
        row.quantity = s.quantity;
        row.comment = s.comment;
        return CHANGED;
      }, byKey.values());
      return result;
    });
    RawResult rawResult = (RawResult) raw.value();
    check.check(commit, rawResult);
    if (!Boolean.getBoolean("bench.keep")) {
      WriteBenchmark.deleteTree(out);
    }
    if (!quiet) {
      Phase phase = new Phase(rows, name, sql, driver, raw, count, commit, liveBefore, rawResult);
      RESULTS.add(phase);
      System.out.printf(Locale.ROOT, "  %-16s %8.2f s %7.2f CPU s  load %s | yardstick %6.2f s %6.2f CPU s"
              + " | %.2fx wall %.2fx CPU | %d rows, files -%d +%d of %d (yardstick: %d read, %d written,"
              + " %d files)%n",
          name, driver.seconds(), driver.cpuSeconds(), driver.load(), raw.seconds(), raw.cpuSeconds(),
          phase.ratio(), phase.cpuRatio(), count, commit.metric("numRemovedFiles"),
          commit.metric("numAddedFiles"), liveBefore, rawResult.read(), rawResult.written(),
          rawResult.filesWritten());
    }
    return commit.metric("numRemovedFiles");
  }

  // ---------------------------------------------------------------- report

  static void report() {
    System.out.println();
    System.out.println("## Results (markdown)");
    System.out.println();
    System.out.println("| rows | phase | driver s | driver CPU s | yardstick s | yardstick CPU s"
        + " | ratio (wall) | ratio (CPU) | target ≤ 2× | rows changed | files removed / added (of live)"
        + " | rows rewritten (yardstick) | old-gen peak MB | GC s | load |");
    System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---|---:|---:|---:|---:|");
    for (Phase p : RESULTS) {
      if (p.raw() == null) {
        System.out.printf(Locale.ROOT, "| %,d | %s | %.2f | %.2f | | | | | | | | | %.0f | %.1f | %s |%n",
            p.rows(), p.phase(), p.driver().seconds(), p.driver().cpuSeconds(),
            p.driver().oldGenPeak() / 1e6, p.driver().gcMillis() / 1e3, p.driver().load());
        continue;
      }
      System.out.printf(Locale.ROOT, "| %,d | **%s** | %.2f | %.2f | %.2f | %.2f | **%.2f×** | %.2f× | %s"
              + " | %,d | %d / %d (of %d) | %,d | %.0f | %.1f | %s |%n",
          p.rows(), p.phase(), p.driver().seconds(), p.driver().cpuSeconds(), p.raw().seconds(),
          p.raw().cpuSeconds(), p.ratio(), p.cpuRatio(), p.ratio() <= 2.0 ? "met" : "MISSED",
          p.changed(), p.commit().metric("numRemovedFiles"), p.commit().metric("numAddedFiles"),
          p.liveFilesBefore(), p.rawResult().written(), p.driver().oldGenPeak() / 1e6,
          p.driver().gcMillis() / 1e3, p.driver().load());
    }
    System.out.println();
    for (Phase p : RESULTS) {
      if (p.raw() != null) {
        System.out.printf(Locale.ROOT, "%,d rows %s: %.2f× the yardstick by wall time, %.2f× by CPU "
                + "(target ≤ 2×: %s)%s%n", p.rows(), p.phase(), p.ratio(), p.cpuRatio(),
            p.ratio() <= 2.0 ? "met" : "MISSED", p.phase().equals("update-one-row")
                ? String.format(Locale.ROOT, "; files removed/added %d/%d (target 1/1: met)",
                    p.commit().metric("numRemovedFiles"), p.commit().metric("numAddedFiles")) : "");
      }
    }
  }

  public static void main(String[] args) throws Exception {
    List<Long> counts = WriteBenchmark.rowCounts(args);
    String dirProperty = System.getProperty("bench.dir");
    Path base = WriteBenchmark.workDirectory("onelake-dml-bench");
    WriteBenchmark.jfrPhases = Set.of(System.getProperty("bench.jfr", "").split(","));
    Runtime runtime = Runtime.getRuntime();
    System.out.println("onelake-jdbc DML benchmark: Java " + System.getProperty("java.version") + " ("
        + System.getProperty("java.vm.name") + "), " + runtime.availableProcessors() + " CPUs, max heap "
        + runtime.maxMemory() / (1024 * 1024) + " MB, work directory " + base);
    long warmup = Long.getLong("bench.warmup", 100_000L);
    if (warmup > 0) {
      System.out.println("warm-up round of " + warmup + " rows (not reported) ...");
      quiet = true;
      round(base, warmup);
      quiet = false;
    }
    for (long rows : counts) {
      round(base, rows);
    }
    report();
    if (dirProperty == null && !Boolean.getBoolean("bench.keep")) {
      WriteBenchmark.deleteTree(base);
    }
  }
}
