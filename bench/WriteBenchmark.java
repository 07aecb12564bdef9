/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Write (and read) throughput of the driver against the raw parquet-hadoop writer/reader, in one run.
 *
 * <p>For every row count given it writes the same deterministic 16-column lineitem-like rows:
 * <ol>
 *   <li>{@code raw-write}: parquet-hadoop's ParquetWriter with a small WriteSupport, SNAPPY, local
 *       files rolled over at 128 MB (the yardstick); {@code raw-read} reads them back;</li>
 *   <li>{@code jdbc-batch}: {@code INSERT INTO t_batch VALUES (?, ...)} with addBatch and
 *       executeBatch every 10,000 rows (each executeBatch is one Delta commit);</li>
 *   <li>{@code setup-compact}: {@code INSERT INTO t_src SELECT * FROM t_batch}, which turns the many
 *       10,000-row files of t_batch into a table with large files, the source of the next steps;</li>
 *   <li>{@code scan-count} / {@code scan-all} / {@code count-star}: SELECT of t_src through the
 *       driver (ResultSet iteration only, iteration reading all 16 columns, and {@code COUNT(*)});</li>
 *   <li>{@code insert-select}: {@code INSERT INTO t_dst SELECT * FROM t_src} (the headline figure).</li>
 * </ol>
 * Results are checked: readers compare an order-independent checksum of all values with the
 * generator's, and t_dst is checked by COUNT(*) and SUM(l_orderkey).
 *
 * <p>Run: {@code java -Xmx1g -cp target/onelake-jdbc-0.1.0-SNAPSHOT-all.jar bench/WriteBenchmark.java
 * [rows...]}. System properties: {@code bench.dir} (work directory, default a temp directory, removed at
 * the end unless {@code bench.keep=true}), {@code bench.warmup} (rows of an untimed warm-up round,
 * default 200000, 0 for none), {@code bench.jfr} (comma-separated phase names to record with JFR into
 * {@code bench-<phase>-<rows>.jfr}), {@code bench.skip} (comma-separated phases to leave out:
 * scan-all, count-star, scan-count).
 */
@SuppressWarnings("deprecation") // parquet-hadoop's abstract Hadoop-Configuration methods must be implemented
public final class WriteBenchmark {
  static final int BATCH = 10_000;
  static final long TARGET_FILE_SIZE = 128L * 1024 * 1024;

  static final String DDL_COLUMNS = "l_orderkey BIGINT, l_partkey BIGINT, l_suppkey BIGINT, "
      + "l_linenumber INT, l_quantity DECIMAL(15,2), l_extendedprice DECIMAL(15,2), "
      + "l_discount DECIMAL(15,2), l_tax DECIMAL(15,2), l_returnflag STRING, l_linestatus STRING, "
      + "l_shipdate DATE, l_commitdate DATE, l_receiptdate DATE, l_shipinstruct STRING, "
      + "l_shipmode STRING, l_comment STRING";

  static final MessageType PARQUET_SCHEMA = MessageTypeParser.parseMessageType(
      "message lineitem {\n"
          + "  optional int64 l_orderkey;\n"
          + "  optional int64 l_partkey;\n"
          + "  optional int64 l_suppkey;\n"
          + "  optional int32 l_linenumber;\n"
          + "  optional int64 l_quantity (DECIMAL(15,2));\n"
          + "  optional int64 l_extendedprice (DECIMAL(15,2));\n"
          + "  optional int64 l_discount (DECIMAL(15,2));\n"
          + "  optional int64 l_tax (DECIMAL(15,2));\n"
          + "  optional binary l_returnflag (STRING);\n"
          + "  optional binary l_linestatus (STRING);\n"
          + "  optional int32 l_shipdate (DATE);\n"
          + "  optional int32 l_commitdate (DATE);\n"
          + "  optional int32 l_receiptdate (DATE);\n"
          + "  optional binary l_shipinstruct (STRING);\n"
          + "  optional binary l_shipmode (STRING);\n"
          + "  optional binary l_comment (STRING);\n"
          + "}");

  // ---------------------------------------------------------------- the rows

  static final String[] FLAGS = {"R", "A", "N"};
  static final String[] STATUS = {"O", "F"};
  static final String[] INSTRUCT = {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
  static final String[] MODES = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
  static final String[] WORDS = {"furiously", "carefully", "quickly", "slyly", "blithely", "ironic",
      "final", "pending", "regular", "express", "special", "bold", "even", "silent", "unusual",
      "deposits", "accounts", "packages", "requests", "instructions", "theodolites", "foxes",
      "pinto", "beans", "dependencies", "platelets", "asymptotes", "courts", "ideas", "sheaves",
      "excuses", "dolphins"};
  static final int EPOCH_DAY_1992 = (int) LocalDate.of(1992, 1, 1).toEpochDay();

  /** One mutable row; values of DECIMAL(15,2) columns are unscaled longs, dates epoch days. */
  static final class Row {
    long orderkey;
    long partkey;
    long suppkey;
    int linenumber;
    long quantity;
    long extendedprice;
    long discount;
    long tax;
    String returnflag;
    String linestatus;
    int shipdate;
    int commitdate;
    int receiptdate;
    String shipinstruct;
    String shipmode;
    String comment;

    /** Row {@code i} of the data set: arithmetic on the row number, the same in every run. */
    void fill(long i) {
      long h = mix(i);
      long g = mix(i ^ 0x5DEECE66DL);
      orderkey = i / 4 + 1;
      linenumber = (int) (i % 4) + 1;
      partkey = 1 + Math.floorMod(h, 200_000L);
      suppkey = 1 + Math.floorMod(h >>> 20, 10_000L);
      long units = 1 + Math.floorMod(h >>> 36, 50L);
      quantity = units * 100;
      extendedprice = units * (90_000 + Math.floorMod(partkey, 20_001L));
      discount = Math.floorMod(g, 11L);
      tax = Math.floorMod(g >>> 8, 9L);
      returnflag = FLAGS[(int) Math.floorMod(g >>> 16, 3L)];
      linestatus = STATUS[(int) ((g >>> 20) & 1)];
      shipdate = EPOCH_DAY_1992 + (int) Math.floorMod(g >>> 24, 2526L);
      commitdate = shipdate - 30 + (int) Math.floorMod(g >>> 36, 91L);
      receiptdate = shipdate + 1 + (int) Math.floorMod(g >>> 44, 30L);
      shipinstruct = INSTRUCT[(int) ((g >>> 52) & 3)];
      shipmode = MODES[(int) Math.floorMod(g >>> 54, 7L)];
      StringBuilder text = new StringBuilder(48);
      int words = 2 + (int) ((h >>> 56) & 3);
      for (int w = 0; w < words; w++) {
        text.append(WORDS[(int) ((h >>> (w * 5)) & 31)]).append(' ');
      }
      comment = text.append(Long.toString(i, 36)).toString();
    }

    /** An order-independent checksum contribution of this row over all 16 values. */
    long hash() {
      long x = orderkey;
      x = x * 31 + partkey;
      x = x * 31 + suppkey;
      x = x * 31 + linenumber;
      x = x * 31 + quantity;
      x = x * 31 + extendedprice;
      x = x * 31 + discount;
      x = x * 31 + tax;
      x = x * 31 + returnflag.hashCode();
      x = x * 31 + linestatus.hashCode();
      x = x * 31 + shipdate;
      x = x * 31 + commitdate;
      x = x * 31 + receiptdate;
      x = x * 31 + shipinstruct.hashCode();
      x = x * 31 + shipmode.hashCode();
      x = x * 31 + comment.hashCode();
      return mix(x);
    }
  }

  static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** What the generator produces for {@code rows} rows: checksum and SUM(l_orderkey). */
  record Expected(long checksum, long sumOrderkey) {}

  static Expected generateOnly(long rows) {
    Row row = new Row();
    long checksum = 0;
    long sum = 0;
    for (long i = 0; i < rows; i++) {
      row.fill(i);
      checksum += row.hash();
      sum += row.orderkey;
    }
    return new Expected(checksum, sum);
  }

  // ---------------------------------------------------------------- raw parquet-hadoop

  /**
   * Writes a Row to Parquet field by field, as a hand-written WriteSupport would. The schema is
   * {@link #PARQUET_SCHEMA} or a subset of its fields (a Delta data file leaves out partition columns).
   */
  static final class RowWriteSupport extends WriteSupport<Row> {
    private final MessageType schema;
    /** The index in {@link #schema} of each of the 16 columns, -1 when it is left out. */
    private final int[] index = new int[16];
    private RecordConsumer out;

    RowWriteSupport(MessageType schema) {
      this.schema = schema;
      for (int i = 0; i < 16; i++) {
        String name = PARQUET_SCHEMA.getFieldName(i);
        index[i] = schema.containsField(name) ? schema.getFieldIndex(name) : -1;
      }
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      out = recordConsumer;
    }

    @Override
    public void write(Row r) {
      out.startMessage();
      longField(0, "l_orderkey", r.orderkey);
      longField(1, "l_partkey", r.partkey);
      longField(2, "l_suppkey", r.suppkey);
      intField(3, "l_linenumber", r.linenumber);
      longField(4, "l_quantity", r.quantity);
      longField(5, "l_extendedprice", r.extendedprice);
      longField(6, "l_discount", r.discount);
      longField(7, "l_tax", r.tax);
      stringField(8, "l_returnflag", r.returnflag);
      stringField(9, "l_linestatus", r.linestatus);
      intField(10, "l_shipdate", r.shipdate);
      intField(11, "l_commitdate", r.commitdate);
      intField(12, "l_receiptdate", r.receiptdate);
      stringField(13, "l_shipinstruct", r.shipinstruct);
      stringField(14, "l_shipmode", r.shipmode);
      stringField(15, "l_comment", r.comment);
      out.endMessage();
    }

    private void longField(int column, String name, long value) {
      int i = index[column];
      if (i >= 0) {
        out.startField(name, i);
        out.addLong(value);
        out.endField(name, i);
      }
    }

    private void intField(int column, String name, int value) {
      int i = index[column];
      if (i >= 0) {
        out.startField(name, i);
        out.addInteger(value);
        out.endField(name, i);
      }
    }

    private void stringField(int column, String name, String value) {
      int i = index[column];
      if (i >= 0) {
        out.startField(name, i);
        out.addBinary(Binary.fromString(value));
        out.endField(name, i);
      }
    }
  }

  static final class RowWriterBuilder extends ParquetWriter.Builder<Row, RowWriterBuilder> {
    private final MessageType schema;

    RowWriterBuilder(Path file) {
      this(file, PARQUET_SCHEMA);
    }

    RowWriterBuilder(Path file, MessageType schema) {
      super(new LocalOutputFile(file));
      this.schema = schema;
    }

    @Override
    protected RowWriterBuilder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(schema);
    }
  }

  /** The yardstick: SNAPPY, parquet-hadoop's defaults otherwise, files rolled over at 128 MB. */
  static long rawWrite(Path dir, long rows) throws IOException {
    Files.createDirectories(dir);
    Row row = new Row();
    int fileNo = 0;
    ParquetWriter<Row> writer = null;
    for (long i = 0; i < rows; i++) {
      if (writer == null) {
        writer = new RowWriterBuilder(dir.resolve(String.format("part-%05d.snappy.parquet", fileNo++)))
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
            .build();
      }
      row.fill(i);
      writer.write(row);
      if ((i & 8191) == 8191 && writer.getDataSize() >= TARGET_FILE_SIZE) {
        writer.close();
        writer = null;
      }
    }
    if (writer != null) {
      writer.close();
    }
    return fileNo;
  }

  /** Materializes records into one reused Row; file columns are matched by name (any subset). */
  static final class RowReadSupport extends ReadSupport<Row> {
    @Override
    public ReadContext init(InitContext context) {
      return new ReadContext(context.getFileSchema());
    }

    @Override
    public RecordMaterializer<Row> prepareForRead(Configuration configuration,
        Map<String, String> keyValueMetaData, MessageType fileSchema, ReadContext readContext) {
      Row row = new Row();
      Converter[] columns = new Converter[16];
      columns[0] = new PrimitiveConverter() {
        @Override public void addLong(long v) { row.orderkey = v; }
      };
      columns[1] = new PrimitiveConverter() {
        @Override public void addLong(long v) { row.partkey = v; }
      };
      columns[2] = new PrimitiveConverter() {
        @Override public void addLong(long v) { row.suppkey = v; }
      };
      columns[3] = new PrimitiveConverter() {
        @Override public void addInt(int v) { row.linenumber = v; }
      };
      columns[4] = new PrimitiveConverter() {
        @Override public void addLong(long v) { row.quantity = v; }
      };
      columns[5] = new PrimitiveConverter() {
        @Override public void addLong(long v) { row.extendedprice = v; }
      };
      columns[6] = new PrimitiveConverter() {
        @Override public void addLong(long v) { row.discount = v; }
      };
      columns[7] = new PrimitiveConverter() {
        @Override public void addLong(long v) { row.tax = v; }
      };
      columns[8] = new PrimitiveConverter() {
        @Override public void addBinary(Binary v) { row.returnflag = v.toStringUsingUTF8(); }
      };
      columns[9] = new PrimitiveConverter() {
        @Override public void addBinary(Binary v) { row.linestatus = v.toStringUsingUTF8(); }
      };
      columns[10] = new PrimitiveConverter() {
        @Override public void addInt(int v) { row.shipdate = v; }
      };
      columns[11] = new PrimitiveConverter() {
        @Override public void addInt(int v) { row.commitdate = v; }
      };
      columns[12] = new PrimitiveConverter() {
        @Override public void addInt(int v) { row.receiptdate = v; }
      };
      columns[13] = new PrimitiveConverter() {
        @Override public void addBinary(Binary v) { row.shipinstruct = v.toStringUsingUTF8(); }
      };
      columns[14] = new PrimitiveConverter() {
        @Override public void addBinary(Binary v) { row.shipmode = v.toStringUsingUTF8(); }
      };
      columns[15] = new PrimitiveConverter() {
        @Override public void addBinary(Binary v) { row.comment = v.toStringUsingUTF8(); }
      };
      Converter[] fields = new Converter[fileSchema.getFieldCount()];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = columns[PARQUET_SCHEMA.getFieldIndex(fileSchema.getFieldName(i))];
      }
      GroupConverter root = new GroupConverter() {
        @Override public Converter getConverter(int fieldIndex) { return fields[fieldIndex]; }
        @Override public void start() {}
        @Override public void end() {}
      };
      return new RecordMaterializer<>() {
        @Override public Row getCurrentRecord() { return row; }
        @Override public GroupConverter getRootConverter() { return root; }
      };
    }
  }

  static final class RowReaderBuilder extends ParquetReader.Builder<Row> {
    RowReaderBuilder(Path file) {
      super(new LocalInputFile(file));
    }

    @Override
    protected ReadSupport<Row> getReadSupport() {
      return new RowReadSupport();
    }
  }

  /** Reads every yardstick file; returns {rows, checksum}. */
  static long[] rawRead(Path dir) throws IOException {
    long rows = 0;
    long checksum = 0;
    for (Path file : parquetFiles(dir)) {
      try (ParquetReader<Row> reader = new RowReaderBuilder(file).build()) {
        Row row;
        while ((row = reader.read()) != null) {
          rows++;
          checksum += row.hash();
        }
      }
    }
    return new long[] {rows, checksum};
  }

  // ---------------------------------------------------------------- through the driver

  static void jdbcBatches(Connection connection, String table, long rows) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + table + " (" + DDL_COLUMNS + ")");
    }
    Row row = new Row();
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int pending = 0;
      for (long i = 0; i < rows; i++) {
        row.fill(i);
        bind(insert, row);
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }

  /** Sets the 16 parameters of {@code INSERT INTO t VALUES (?, ...)} to the values of a row. */
  static void bind(PreparedStatement insert, Row row) throws SQLException {
    insert.setLong(1, row.orderkey);
    insert.setLong(2, row.partkey);
    insert.setLong(3, row.suppkey);
    insert.setInt(4, row.linenumber);
    insert.setBigDecimal(5, BigDecimal.valueOf(row.quantity, 2));
    insert.setBigDecimal(6, BigDecimal.valueOf(row.extendedprice, 2));
    insert.setBigDecimal(7, BigDecimal.valueOf(row.discount, 2));
    insert.setBigDecimal(8, BigDecimal.valueOf(row.tax, 2));
    insert.setString(9, row.returnflag);
    insert.setString(10, row.linestatus);
    insert.setDate(11, java.sql.Date.valueOf(LocalDate.ofEpochDay(row.shipdate)));
    insert.setDate(12, java.sql.Date.valueOf(LocalDate.ofEpochDay(row.commitdate)));
    insert.setDate(13, java.sql.Date.valueOf(LocalDate.ofEpochDay(row.receiptdate)));
    insert.setString(14, row.shipinstruct);
    insert.setString(15, row.shipmode);
    insert.setString(16, row.comment);
  }

  static long insertSelect(Connection connection, String target, String source) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + target + " (" + DDL_COLUMNS + ")");
      return statement.executeLargeUpdate("INSERT INTO " + target + " SELECT * FROM " + source);
    }
  }

  /** SELECT * with ResultSet iteration only (no getters). */
  static long scanCount(Connection connection, String table) throws SQLException {
    long rows = 0;
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
      while (rs.next()) {
        rows++;
      }
    }
    return rows;
  }

  /** SELECT * reading all 16 columns of every row; returns {rows, checksum}. */
  static long[] scanAll(Connection connection, String table) throws SQLException {
    long rows = 0;
    long checksum = 0;
    Row row = new Row();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
      while (rs.next()) {
        row.orderkey = rs.getLong(1);
        row.partkey = rs.getLong(2);
        row.suppkey = rs.getLong(3);
        row.linenumber = rs.getInt(4);
        row.quantity = unscaled(rs.getBigDecimal(5));
        row.extendedprice = unscaled(rs.getBigDecimal(6));
        row.discount = unscaled(rs.getBigDecimal(7));
        row.tax = unscaled(rs.getBigDecimal(8));
        row.returnflag = rs.getString(9);
        row.linestatus = rs.getString(10);
        row.shipdate = (int) rs.getDate(11).toLocalDate().toEpochDay();
        row.commitdate = (int) rs.getDate(12).toLocalDate().toEpochDay();
        row.receiptdate = (int) rs.getDate(13).toLocalDate().toEpochDay();
        row.shipinstruct = rs.getString(14);
        row.shipmode = rs.getString(15);
        row.comment = rs.getString(16);
        rows++;
        checksum += row.hash();
      }
    }
    return new long[] {rows, checksum};
  }

  static long unscaled(BigDecimal value) {
    return value.movePointRight(2).longValueExact();
  }

  static long[] countAndSum(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT COUNT(*), SUM(l_orderkey) FROM " + table)) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  static long countStar(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // ---------------------------------------------------------------- measuring

  /** One timed phase. */
  static final class Result {
    final String phase;
    final long rows;
    final double seconds;
    final long bytes;
    final long files;
    final long oldGenPeak;
    final long gcMillis;
    final double cpuSeconds;
    final String load;
    final String note;

    Result(String phase, long rows, double seconds, long bytes, long files, long oldGenPeak,
        long gcMillis, double cpuSeconds, String load, String note) {
      this.cpuSeconds = cpuSeconds;
      this.load = load;
      this.phase = phase;
      this.rows = rows;
      this.seconds = seconds;
      this.bytes = bytes;
      this.files = files;
      this.oldGenPeak = oldGenPeak;
      this.gcMillis = gcMillis;
      this.note = note;
    }

    double rowsPerSecond() {
      return rows / seconds;
    }

    double rowsPerCpuSecond() {
      return rows / cpuSeconds;
    }
  }

  @FunctionalInterface
  interface Body {
    Object run() throws Exception;
  }

  static final List<Result> RESULTS = new ArrayList<>();
  static boolean quiet;
  static Set<String> jfrPhases = Set.of();

  /** Wall and CPU seconds, GC time, old-generation peak and load average of one timed body. */
  record Timing(Object value, double seconds, double cpuSeconds, long gcMillis, long oldGenPeak,
      String load) {}

  /**
   * Runs {@code body} after a GC and measures it; records it with JFR into
   * {@code bench-<phase>-<rows>.jfr} when {@code record} and the phase is named in {@code bench.jfr}.
   */
  static Timing measure(String phase, long rows, boolean record, Body body) throws Exception {
    System.gc();
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    long gcBefore = gcMillis();
    String load = loadAverage();
    long cpuBefore = processCpuNanos();
    jdk.jfr.Recording recording = null;
    if (record && jfrPhases.contains(phase)) {
      recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      recording.setName(phase);
      recording.start();
    }
    long start = System.nanoTime();
    Object value = body.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
    if (recording != null) {
      recording.stop();
      Path file = Paths.get("bench-" + phase + "-" + rows + ".jfr");
      recording.dump(file);
      recording.close();
      System.out.println("  (JFR recording of " + phase + " in " + file.toAbsolutePath() + ")");
    }
    long oldPeak = pools.stream().filter(pool -> pool.getName().contains("Old")
        || pool.getName().contains("Tenured")).mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    return new Timing(value, seconds, cpuSeconds, gcMillis() - gcBefore, oldPeak, load);
  }

  static Object timed(String phase, long rows, Path output, String note, Body body) throws Exception {
    Timing t = measure(phase, rows, !quiet, body);
    long[] size = output == null ? new long[] {0, 0} : parquetSize(output);
    Result result = new Result(phase, rows, t.seconds(), size[0], size[1], t.oldGenPeak(),
        t.gcMillis(), t.cpuSeconds(), t.load(), note);
    if (!quiet) {
      RESULTS.add(result);
      System.out.printf(Locale.ROOT, "  %-14s %10d rows %8.2f s %12.0f rows/s %7.2f CPU s  load %s%s%n",
          phase, rows, t.seconds(), result.rowsPerSecond(), t.cpuSeconds(), t.load(),
          size[0] > 0 ? String.format(Locale.ROOT, "  %7.1f MB in %d files", size[0] / 1e6, size[1])
              : "");
    }
    return t.value();
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The 1-minute load average of the machine (it may be shared), or "?". */
  static String loadAverage() {
    try {
      return Files.readString(Paths.get("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return load < 0 ? "?" : String.format(Locale.ROOT, "%.2f", load);
    }
  }

  static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  /** Data files below {@code dir}, leaving out the Delta log (checkpoints are Parquet too). */
  static List<Path> parquetFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".parquet"))
          .filter(p -> !p.toString().contains("_delta_log"))
          .sorted().collect(Collectors.toList());
    }
  }

  static long[] parquetSize(Path dir) throws IOException {
    long bytes = 0;
    List<Path> files = parquetFiles(dir);
    for (Path file : files) {
      bytes += Files.size(file);
    }
    return new long[] {bytes, files.size()};
  }

  static void check(String what, long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException(what + ": got " + actual + ", expected " + expected);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  // ---------------------------------------------------------------- one round

  static void round(Path base, long rows, Set<String> skip) throws Exception {
    Path dir = base.resolve("rows-" + rows);
    deleteTree(dir);
    Path raw = dir.resolve("raw");
    Path lake = dir.resolve("lakehouse");
    Files.createDirectories(lake);
    if (!quiet) {
      System.out.println();
      System.out.println("== " + rows + " rows ==");
    }
    Expected expected = (Expected) timed("generate-only", rows, null,
        "the row generator alone (included in raw-write and jdbc-batch)",
        () -> generateOnly(rows));

    timed("raw-write", rows, raw, "parquet-hadoop ParquetWriter, SNAPPY, 128 MB files",
        () -> rawWrite(raw, rows));
    long[] read = (long[]) timed("raw-read", rows, null, "parquet-hadoop ParquetReader, all columns",
        () -> rawRead(raw));
    check("raw-read rows", read[0], rows);
    check("raw-read checksum", read[1], expected.checksum());

    String url = "jdbc:onelake:file:" + lake.toAbsolutePath();
    try (Connection connection = DriverManager.getConnection(url)) {
      Path tables = lake.resolve("Tables");
      Path batchTable = tables.resolve("t_batch");
      timed("jdbc-batch", rows, batchTable, "PreparedStatement, executeBatch every 10,000 rows "
          + "(one commit each)", () -> {
            jdbcBatches(connection, "t_batch", rows);
            return null;
          });
      timed("setup-compact", rows, tables.resolve("t_src"),
          "INSERT INTO t_src SELECT * FROM t_batch (source: 10,000-row files)",
          () -> insertSelect(connection, "t_src", "t_batch"));
      if (!skip.contains("scan-count")) {
        long counted = (long) timed("scan-count", rows, null, "SELECT * FROM t_src, rs.next() only",
            () -> scanCount(connection, "t_src"));
        check("scan-count rows", counted, rows);
      }
      if (!skip.contains("scan-all")) {
        long[] scanned = (long[]) timed("scan-all", rows, null,
            "SELECT * FROM t_src, all 16 getters", () -> scanAll(connection, "t_src"));
        check("scan-all rows", scanned[0], rows);
        check("scan-all checksum", scanned[1], expected.checksum());
      }
      if (!skip.contains("count-star")) {
        long counted = (long) timed("count-star", rows, null, "SELECT COUNT(*) FROM t_src",
            () -> countStar(connection, "t_src"));
        check("count-star", counted, rows);
      }
      long inserted = (long) timed("insert-select", rows, tables.resolve("t_dst"),
          "INSERT INTO t_dst SELECT * FROM t_src", () -> insertSelect(connection, "t_dst", "t_src"));
      check("insert-select update count", inserted, rows);
      long[] dst = countAndSum(connection, "t_dst");
      check("t_dst rows", dst[0], rows);
      check("t_dst SUM(l_orderkey)", dst[1], expected.sumOrderkey());
      long[] batch = countAndSum(connection, "t_batch");
      check("t_batch rows", batch[0], rows);
      check("t_batch SUM(l_orderkey)", batch[1], expected.sumOrderkey());
      if (!quiet) {
        System.out.println("  checks passed (row counts, checksums of all values, SUM(l_orderkey))");
        printFooter("raw", parquetFiles(raw).get(0));
        printFooter("t_dst", parquetFiles(tables.resolve("t_dst")).get(0));
      }
      if (!quiet && rows > 0) {
        System.out.println("  " + batchTable.getFileName() + " has "
            + parquetSize(batchTable)[1] + " data files");
      }
    }
    if (!Boolean.getBoolean("bench.keep")) {
      deleteTree(dir);
    }
  }

  static void printFooter(String label, Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      var meta = reader.getFooter();
      System.out.println("  " + label + " file: " + meta.getBlocks().size() + " row group(s), created by "
          + meta.getFileMetaData().getCreatedBy() + ", codec "
          + meta.getBlocks().get(0).getColumns().get(0).getCodec() + ", encodings of l_comment "
          + meta.getBlocks().get(0).getColumns().get(15).getEncodings());
      System.out.println("    schema: " + meta.getFileMetaData().getSchema().toString()
          .replace("\n", " ").replaceAll(" +", " "));
    }
  }

  // ---------------------------------------------------------------- report

  static void report() {
    Map<Long, Map<String, Result>> byRows = new LinkedHashMap<>();
    for (Result r : RESULTS) {
      byRows.computeIfAbsent(r.rows, k -> new LinkedHashMap<>()).put(r.phase, r);
    }
    System.out.println();
    System.out.println("## Results (markdown)");
    System.out.println();
    System.out.println("| rows | way | seconds | rows/s | Parquet MB | MB/s | files | vs raw (wall)"
        + " | CPU s | vs raw (per CPU s) | old-gen peak MB | GC s | load | what |");
    System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    Map<String, Double> ratios = new HashMap<>();
    for (Map.Entry<Long, Map<String, Result>> entry : byRows.entrySet()) {
      Result rawWrite = entry.getValue().get("raw-write");
      Result rawRead = entry.getValue().get("raw-read");
      for (Result r : entry.getValue().values()) {
        String vs = "";
        String vsCpu = "";
        boolean isRead = r.phase.startsWith("scan") || r.phase.equals("count-star")
            || r.phase.equals("raw-read");
        Result base = isRead ? rawRead : rawWrite;
        if (base != null && !r.phase.equals("generate-only") && r != base) {
          double ratio = r.rowsPerSecond() / base.rowsPerSecond();
          vs = String.format(Locale.ROOT, "%.0f %%%s", ratio * 100, isRead ? " (of raw read)" : "");
          ratios.put(entry.getKey() + "/" + r.phase, ratio);
          vsCpu = String.format(Locale.ROOT, "%.0f %%", r.rowsPerCpuSecond() / base.rowsPerCpuSecond() * 100);
        }
        System.out.printf(Locale.ROOT,
            "| %,d | %s | %.2f | %,.0f | %s | %s | %s | %s | %.2f | %s | %.0f | %.1f | %s | %s |%n",
            r.rows, r.phase, r.seconds, r.rowsPerSecond(),
            r.bytes > 0 ? String.format(Locale.ROOT, "%.1f", r.bytes / 1e6) : "",
            r.bytes > 0 ? String.format(Locale.ROOT, "%.1f", r.bytes / 1e6 / r.seconds) : "",
            r.files > 0 ? Long.toString(r.files) : "", vs, r.cpuSeconds, vsCpu, r.oldGenPeak / 1e6,
            r.gcMillis / 1e3, r.load, r.note);
      }
    }
    System.out.println();
    for (Long rows : byRows.keySet()) {
      Double is = ratios.get(rows + "/insert-select");
      Double batch = ratios.get(rows + "/jdbc-batch");
      System.out.printf(Locale.ROOT,
          "%,d rows: INSERT ... SELECT at %s of the raw writer (target >= 70 %%: %s); "
              + "batches at %s (target >= 50 %%: %s)%n",
          rows, pct(is), is == null ? "-" : is >= 0.70 ? "met" : "MISSED",
          pct(batch), batch == null ? "-" : batch >= 0.50 ? "met" : "MISSED");
    }
  }

  static String pct(Double ratio) {
    return ratio == null ? "-" : String.format(Locale.ROOT, "%.0f %%", ratio * 100);
  }

  /** The row counts given as arguments (underscores allowed), 1,000,000 when none. */
  static List<Long> rowCounts(String[] args) {
    List<Long> counts = new ArrayList<>();
    for (String arg : args) {
      counts.add(Long.parseLong(arg.replace("_", "")));
    }
    if (counts.isEmpty()) {
      counts.add(1_000_000L);
    }
    return counts;
  }

  /** {@code bench.dir}, or a new temporary directory. */
  static Path workDirectory(String prefix) throws IOException {
    String dirProperty = System.getProperty("bench.dir");
    Path base = dirProperty != null ? Paths.get(dirProperty) : Files.createTempDirectory(prefix);
    Files.createDirectories(base);
    return base;
  }

  public static void main(String[] args) throws Exception {
    List<Long> counts = rowCounts(args);
    String dirProperty = System.getProperty("bench.dir");
    Path base = workDirectory("onelake-bench");
    Set<String> skip = Set.of(System.getProperty("bench.skip", "").split(","));
    jfrPhases = Set.of(System.getProperty("bench.jfr", "").split(","));
    Runtime runtime = Runtime.getRuntime();
    System.out.println("onelake-jdbc write benchmark: Java " + System.getProperty("java.version")
        + " (" + System.getProperty("java.vm.name") + "), " + runtime.availableProcessors()
        + " CPUs, max heap " + runtime.maxMemory() / (1024 * 1024) + " MB, GC "
        + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining("/"))
        + ", work directory " + base);
    long warmup = Long.getLong("bench.warmup", 200_000L);
    if (warmup > 0) {
      System.out.println("warm-up round of " + warmup + " rows (not reported) ...");
      quiet = true;
      round(base, warmup, skip);
      quiet = false;
    }
    for (long rows : counts) {
      round(base, rows, skip);
    }
    report();
    if (dirProperty == null && !Boolean.getBoolean("bench.keep")) {
      deleteTree(base);
    }
  }
}
