/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.CommitStateUnknownException;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.exceptions.MaxCommitRetryLimitReachedException;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.internal.SnapshotImpl;
import io.delta.kernel.internal.actions.Metadata;
import io.delta.kernel.internal.actions.Protocol;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.data.TransactionStateRow;
import io.delta.kernel.internal.tablefeatures.TableFeatures;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.transaction.UpdateTableTransactionBuilder;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.utils.CloseableIterable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the rows of one statement into one Delta table and commits them in ONE commit, or, when
 * anything fails, commits nothing and deletes the files it wrote. Rows are given in the table's logical
 * column order in the Kernel representation (see {@link ValueVector}); they are grouped into batches
 * per partition and streamed to Parquet writers that run on worker threads.
 */
public final class DeltaWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaWriter.class);
  /**
   * Parquet files written at the same time (each has a writer thread and an in-memory row group); the
   * least recently used one is finished beyond that.
   */
  static final int MAX_OPEN_FILES = 16;
  /** Rows a partition's buffer starts with room for; it doubles up to the batch size. */
  private static final int INITIAL_CAPACITY = 64;
  /** Rebases of a row-level commit onto non-conflicting concurrent commits before giving up. */
  private static final int MAX_REBASES = 50;

  private final DeltaLake lake;
  private final String tablePath;
  private final Transaction transaction;
  private final CommitRewritingEngine engine;
  private final TrackingFileIO fileIO;
  private final Row transactionState;
  private final StructType schema;
  private final int[] partitionOrdinals;
  private final int batchRows;
  /** The options of the driver's own Parquet writer, or null when the schema needs Kernel's. */
  private final WriteOptions flatFiles;
  /** Every partition written to so far, with the rows buffered for it. */
  private final Map<List<Object>, OpenPartition> partitions = new LinkedHashMap<>();
  /** The partitions with an open file, least recently written first. */
  private final LinkedHashMap<List<Object>, OpenPartition> writing = new LinkedHashMap<>(16, 0.75f, true);
  /**
   * Rows buffered in all partitions together; beyond {@link #bufferBudget} the largest buffer goes to
   * its file, so that rows arriving in mixed partition order neither hold unbounded memory nor make
   * a file per row.
   */
  private long bufferedRows;
  private final long bufferBudget;
  private final List<Row> actions = new ArrayList<>();
  private final Snapshot replaced;
  private final boolean dependsOnRead;
  private final ReadScope readScope;
  private final List<Row> removes = new ArrayList<>();
  private CommitLabel label;
  private long rowCount;
  private boolean finished;
  private Savepoint savepoint = new Savepoint(0, 0, 0);

  private DeltaWriter(DeltaLake lake, String tablePath, Transaction transaction, TrackingFileIO fileIO,
      CommitRewritingEngine engine, WriteOptions options, Snapshot replaced, boolean dependsOnRead,
      ReadScope readScope, TableDefinitionChange change, Optional<Metadata> readMetadata) {
    this.lake = lake;
    this.readScope = readScope;
    this.replaced = replaced;
    this.dependsOnRead = dependsOnRead;
    this.tablePath = tablePath;
    this.transaction = transaction;
    this.fileIO = fileIO;
    this.engine = engine;
    Row kernelState = transaction.getTransactionState(engine);
    if (change.schema().isPresent()) {
      // The rows follow the new schema: Kernel checks them against the schema of the state row.
      Metadata changed = change.applyTo(readMetadata.orElseThrow(
          () -> new IllegalArgumentException("a new table has its schema from the start")));
      checkSchemaChangeAllowed(kernelState, changed.getSchema());
      this.transactionState = TransactionStateRow.of(changed, TransactionStateRow.getProtocol(kernelState),
          TransactionStateRow.getTablePath(kernelState), TransactionStateRow.getMaxRetries(kernelState));
      this.schema = changed.getSchema();
    } else {
      this.transactionState = kernelState;
      this.schema = transaction.getSchema(engine);
    }
    engine.amend(change, readMetadata);
    List<String> partitionColumns = transaction.getPartitionColumns(engine);
    this.partitionOrdinals = new int[partitionColumns.size()];
    for (int i = 0; i < partitionOrdinals.length; i++) {
      partitionOrdinals[i] = ordinalIgnoreCase(schema, partitionColumns.get(i));
    }
    this.batchRows = options.batchRows();
    this.bufferBudget = (long) MAX_OPEN_FILES * batchRows;
    this.flatFiles = FlatParquetFiles.supports(schema) ? options : null;
  }

  /**
   * A row-level change (DELETE, UPDATE, MERGE): the commit adds the written rows and removes the files
   * given to {@link #removeFiles}. It depends on what the statement read; when another commit lands
   * first, it is rebased onto it if that commit does not touch {@code scope} (Delta's
   * WriteSerializable), and fails with {@link WriteConflictException} naming the version otherwise.
   */
  public static DeltaWriter rewrite(DeltaLake lake, Snapshot snapshot, WriteOptions options,
      ReadScope scope) {
    return rewrite(lake, snapshot, options, scope, TableDefinitionChange.none());
  }

  /** A row-level change that also changes the table's definition (MERGE with schema evolution). */
  public static DeltaWriter rewrite(DeltaLake lake, Snapshot snapshot, WriteOptions options,
      ReadScope scope, TableDefinitionChange change) {
    return update(lake, snapshot, options, null, requireNonNull(scope, "scope"), true, change);
  }

  /** A blind append to an existing table (INSERT INTO). */
  public static DeltaWriter append(DeltaLake lake, Snapshot snapshot, WriteOptions options) {
    return append(lake, snapshot, options, TableDefinitionChange.none());
  }

  /**
   * An append that also changes the table's definition (INSERT with schema evolution): a metadata
   * change is not blind, so a concurrent change of the definition makes it fail.
   */
  public static DeltaWriter append(DeltaLake lake, Snapshot snapshot, WriteOptions options,
      TableDefinitionChange change) {
    return update(lake, snapshot, options, null, null, false, change);
  }

  /**
   * Replaces all rows of the table (INSERT OVERWRITE, TRUNCATE): the commit removes every file of
   * {@code snapshot} and adds the new ones. It depends on what the snapshot held, so it is never
   * rebased onto a concurrent commit: such a conflict fails with {@link WriteConflictException}.
   */
  public static DeltaWriter overwrite(DeltaLake lake, Snapshot snapshot, WriteOptions options) {
    return overwrite(lake, snapshot, options, TableDefinitionChange.none());
  }

  /** An overwrite that also changes the table's definition (schema overwrite). */
  public static DeltaWriter overwrite(DeltaLake lake, Snapshot snapshot, WriteOptions options,
      TableDefinitionChange change) {
    return update(lake, snapshot, options, snapshot, null, true, change);
  }

  /**
   * A commit on top of {@code snapshot}. One that depends on what it read gets no Kernel retries:
   * Kernel would rebase it silently; {@link #commitRebasing} checks for conflicts instead.
   */
  private static DeltaWriter update(DeltaLake lake, Snapshot snapshot, WriteOptions options,
      Snapshot replaced, ReadScope scope, boolean dependsOnRead, TableDefinitionChange change) {
    TrackingFileIO fileIO = new TrackingFileIO(lake.fileIO(),
        options.kernelConf(!snapshot.getPartitionColumnNames().isEmpty()));
    CommitRewritingEngine engine = rewriting(DefaultEngine.create(fileIO));
    Transaction transaction = updateTransaction(snapshot, engine, dependsOnRead);
    return new DeltaWriter(lake, snapshot.getPath(), transaction, fileIO, engine, options, replaced,
        dependsOnRead, scope, requireNonNull(change, "change"),
        Optional.of(((SnapshotImpl) snapshot).getMetadata()));
  }

  /**
   * Delta lets a table's schema change without rewriting it when old files can be read with the new
   * schema (Spark's mergeSchema/overwriteSchema). The driver writes that change itself, so it refuses
   * what it could not write correctly: column-mapped tables (new columns need physical names and ids)
   * and types whose table feature the protocol lacks.
   */
  private static void checkSchemaChangeAllowed(Row state, StructType newSchema) {
    String mapping = TransactionStateRow.getConfiguration(state)
        .getOrDefault("delta.columnMapping.mode", "none");
    if (!mapping.equalsIgnoreCase("none")) {
      throw new UnsupportedOperationException("Changing the schema of a table with column mapping ("
          + "delta.columnMapping.mode = " + mapping + ") is not supported yet");
    }
    Protocol protocol = TransactionStateRow.getProtocol(state);
    if (containsTimestampNtz(newSchema)
        && !protocol.supportsFeature(TableFeatures.TIMESTAMP_NTZ_RW_FEATURE)) {
      throw new UnsupportedOperationException("Adding a TIMESTAMP_NTZ column to a table whose protocol "
          + "lacks the timestampNtz feature is not supported yet");
    }
    for (String partitionColumn : TransactionStateRow.getPartitionColumnsList(state)) {
      if (newSchema.fieldNames().stream().noneMatch(partitionColumn::equalsIgnoreCase)) {
        throw new IllegalArgumentException("the new schema lacks partition column " + partitionColumn);
      }
    }
  }

  private static boolean containsTimestampNtz(DataType type) {
    if (type instanceof TimestampNTZType) {
      return true;
    }
    if (type instanceof StructType) {
      return ((StructType) type).fields().stream().anyMatch(f -> containsTimestampNtz(f.getDataType()));
    }
    if (type instanceof ArrayType) {
      return containsTimestampNtz(((ArrayType) type).getElementType());
    }
    if (type instanceof MapType) {
      return containsTimestampNtz(((MapType) type).getKeyType())
          || containsTimestampNtz(((MapType) type).getValueType());
    }
    return false;
  }

  private static Transaction updateTransaction(Snapshot snapshot, Engine engine, boolean noRetries) {
    UpdateTableTransactionBuilder builder =
        snapshot.buildUpdateTableTransaction(DeltaLake.ENGINE_INFO, Operation.WRITE);
    return (noRetries ? builder.withMaxRetries(0) : builder).build(engine);
  }

  /**
   * Replaces the table's definition and rows (CREATE OR REPLACE TABLE), keeping its history as Delta's
   * REPLACE does. Kernel builds the removes of the old files itself; its REPLACE builder is not public
   * yet in 4.4, hence the internal call (the Kernel version is pinned).
   */
  public static DeltaWriter replace(DeltaLake lake, Snapshot snapshot, StructType schema,
      List<String> partitionColumns, Map<String, String> properties, Optional<String> description,
      WriteOptions options) {
    TrackingFileIO fileIO =
        new TrackingFileIO(lake.fileIO(), options.kernelConf(!partitionColumns.isEmpty()));
    CommitRewritingEngine engine = rewriting(DefaultEngine.create(fileIO));
    Transaction transaction = ((SnapshotImpl) snapshot)
        .buildReplaceTableTransaction(schema, DeltaLake.ENGINE_INFO)
        .withTableProperties(properties)
        .withDataLayoutSpec(layout(partitionColumns))
        .withMaxRetries(0)
        .build(engine);
    return new DeltaWriter(lake, snapshot.getPath(), transaction, fileIO, engine, options, null, true,
        null, TableDefinitionChange.description(description), Optional.empty());
  }

  private static DataLayoutSpec layout(List<String> partitionColumns) {
    List<Column> partitionBy = new ArrayList<>();
    for (String name : partitionColumns) {
      partitionBy.add(new Column(name));
    }
    return partitionBy.isEmpty() ? DataLayoutSpec.noDataLayout() : DataLayoutSpec.partitioned(partitionBy);
  }

  /**
   * A new table (CREATE TABLE, and CREATE TABLE AS SELECT with rows). Fails with Kernel's
   * TableAlreadyExistsException if a table exists at the path.
   */
  public static DeltaWriter create(DeltaLake lake, String tablePath, StructType schema,
      List<String> partitionColumns, Map<String, String> properties, Optional<String> description,
      WriteOptions options) {
    TrackingFileIO fileIO =
        new TrackingFileIO(lake.fileIO(), options.kernelConf(!partitionColumns.isEmpty()));
    CommitRewritingEngine engine = rewriting(DefaultEngine.create(fileIO));
    Transaction transaction = TableManager
        .buildCreateTableTransaction(tablePath, schema, DeltaLake.ENGINE_INFO)
        .withTableProperties(properties)
        .withDataLayoutSpec(layout(partitionColumns))
        .build(engine);
    return new DeltaWriter(lake, tablePath, transaction, fileIO, engine, options, null, false, null,
        TableDefinitionChange.description(description), Optional.empty());
  }

  /**
   * An engine whose commits carry the label and the definition change of the writer that uses it
   * (see {@link #label}).
   */
  private static CommitRewritingEngine rewriting(Engine engine) {
    return new CommitRewritingEngine(engine);
  }

  /**
   * Removes these data files (paths as the log names them) of the read snapshot in the same commit;
   * their rows must have been rewritten as far as they survive.
   */
  public void removeFiles(Snapshot readSnapshot, Set<String> paths) {
    removes.addAll(RemoveActions.files(engine, readSnapshot, paths));
  }

  /** How the commit describes itself in the table history. */
  public void label(CommitLabel commitLabel) {
    this.label = requireNonNull(commitLabel, "commitLabel");
  }

  /** The logical schema rows must follow. */
  public StructType schema() {
    return schema;
  }

  public String tablePath() {
    return tablePath;
  }

  /** Adds one row; values in table column order, Kernel representation. */
  public void write(Object[] row) {
    requireNonNull(row, "row");
    if (row.length != schema.length()) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values, the table has " + schema.length() + " columns");
    }
    List<Object> key = partitionKey(row);
    OpenPartition partition = partitions.get(key);
    if (partition == null) {
      partition = new OpenPartition(key, partitionValues(row));
      partitions.put(key, partition);
    }
    partition.add(row);
    bufferedRows++;
    rowCount++;
    if (partition.size >= batchRows) {
      toFile(partition);
    } else if (bufferedRows > bufferBudget) {
      toFile(largestBuffer());
    }
  }

  private OpenPartition largestBuffer() {
    OpenPartition largest = null;
    for (OpenPartition partition : partitions.values()) {
      if (largest == null || partition.size > largest.size) {
        largest = partition;
      }
    }
    return largest;
  }

  /** Hands a partition's buffered rows to its file, opening one if needed. */
  private void toFile(OpenPartition partition) {
    bufferedRows -= partition.size;
    partition.flush(sinkOf(partition));
  }

  /** The writer of a partition's open file; opening one may finish the least recently used file. */
  private PartitionSink sinkOf(OpenPartition partition) {
    if (partition.sink != null) {
      writing.get(partition.key); // most recently used now
      return partition.sink;
    }
    if (writing.size() >= MAX_OPEN_FILES) {
      Iterator<OpenPartition> eldest = writing.values().iterator();
      OpenPartition evicted = eldest.next();
      eldest.remove();
      finishFile(evicted);
    }
    partition.sink = new PartitionSink(lake.writerThreads(), engine, fileIO, flatFiles,
        lake.dictionaryHints(tablePath), lake.encodingHelpers(), transactionState, partition.values);
    writing.put(partition.key, partition);
    return partition.sink;
  }

  /** Writes a partition's buffered rows into its open file and finishes the file. */
  private void finishFile(OpenPartition partition) {
    bufferedRows -= partition.size;
    partition.flush(partition.sink);
    actions.addAll(partition.sink.finish());
    partition.sink = null;
  }

  /** Writes all buffered rows and finishes every file. */
  private void finishAll() {
    for (OpenPartition partition : partitions.values()) {
      if (partition.size > 0) {
        toFile(partition);
      }
    }
    for (OpenPartition partition : new ArrayList<>(writing.values())) {
      finishFile(partition);
    }
    writing.clear();
    partitions.clear();
    bufferedRows = 0;
  }

  /** Stops every writer without finishing files; what they wrote is deleted by the caller. */
  private void dropAll(boolean waitForFiles) {
    for (OpenPartition partition : writing.values()) {
      if (waitForFiles) {
        try {
          partition.sink.finish(); // lets the writer thread end; its files are deleted below
        } catch (RuntimeException e) {
          LOG.debug("Discarded partition writer failed: {}", e.toString());
        }
      } else {
        partition.sink.cancel();
      }
    }
    writing.clear();
    partitions.clear();
    bufferedRows = 0;
  }

  /**
   * Whether {@link #write(List, int, Optional)} can write column batches into this version of a table:
   * unpartitioned, without column mapping, of columns the driver's Parquet writer takes.
   */
  public static boolean acceptsBatches(Snapshot table) {
    return table.getPartitionColumnNames().isEmpty() && !hasColumnMapping(table)
        && FlatParquetFiles.supports(table.getSchema());
  }

  /** Whether the table maps logical column names to other physical ones (delta.columnMapping.mode). */
  public static boolean hasColumnMapping(Snapshot table) {
    String mode = table.getTableProperties().getOrDefault("delta.columnMapping.mode", "none");
    return !mode.trim().equalsIgnoreCase("none");
  }

  /**
   * Adds the selected rows of a column batch (a copy of another Delta table's rows): vectors in table
   * column order, of the table's column types, except that a STRING column may come as its UTF-8
   * bytes (a BINARY vector), which is what Parquet stores. The vectors are handed to the Parquet
   * writer thread as they are, so they must not change afterwards. Unpartitioned tables only.
   */
  public void write(List<ColumnVector> columns, int size, Optional<ColumnVector> selection) {
    if (partitionOrdinals.length > 0) {
      throw new IllegalStateException("column batches are written to unpartitioned tables only");
    }
    if (columns.size() != schema.length()) {
      throw new IllegalArgumentException(
          "batch has " + columns.size() + " columns, the table has " + schema.length());
    }
    if (flatFiles == null) {
      throw new IllegalStateException("column batches need the driver's Parquet writer");
    }
    long selected = size;
    if (selection.isPresent()) {
      ColumnVector vector = selection.get();
      selected = 0;
      for (int row = 0; row < size; row++) {
        if (!vector.isNullAt(row) && vector.getBoolean(row)) {
          selected++;
        }
      }
    }
    if (selected == 0) {
      return;
    }
    OpenPartition partition =
        partitions.computeIfAbsent(List.of(), key -> new OpenPartition(key, Map.of()));
    // The rows buffered so far go first, then the batch.
    bufferedRows -= partition.size;
    PartitionSink sink = sinkOf(partition);
    partition.flush(sink);
    sink.put(new FilteredColumnarBatch(new VectorBatch(schema, columns, size), selection));
    rowCount += selected;
  }

  public long rowCount() {
    return rowCount;
  }

  /**
   * Writes the remaining rows and commits once.
   *
   * @return the committed version
   */
  public long commit() {
    try {
      finishAll();
      if (replaced != null) {
        actions.addAll(0, RemoveActions.allFiles(engine, replaced));
      }
      actions.addAll(0, removes);
      if (label != null) {
        engine.label(labelWithFileCounts());
      }
      requireReadVersion();
      TransactionCommitResult result;
      try {
        result = commitRebasing();
      } catch (CommitStateUnknownException e) {
        // An earlier attempt may have landed and reference the files: keep them (never delete what a
        // commit may use) and let the caller find out from the table.
        finished = true;
        lake.invalidate(tablePath);
        throw new CommitOutcomeUnknownException(tablePath, e);
      }
      finished = true;
      runPostCommitHooks(result);
      lake.invalidate(tablePath);
      if (!engine.amendsMetadata()) {
        // Kernel's post-commit snapshot does not know a metadata the engine rewrote.
        result.getPostCommitSnapshot().ifPresent(lake::remember);
      }
      return result.getVersion();
    } catch (RuntimeException | Error e) {
      abort();
      // A conflict means the cached version is stale: the statement's retry must read the table anew.
      lake.invalidate(tablePath);
      throw e;
    }
  }

  /**
   * Refuses to commit to a table whose log no longer has the version this writer read: another
   * connection dropped it (with its folder) in the meantime. Kernel writes the next commit file without
   * looking at the previous one, so it would leave a log that starts at that version in the dropped
   * table's folder. A table dropped and created again conflicts in Kernel's own checks instead (its
   * metadata changed). One file lookup per commit; a new table has no version to look for.
   */
  private void requireReadVersion() {
    long readVersion = transaction.getReadTableVersion();
    if (readVersion < 0) {
      return;
    }
    String commitFile = tablePath + (tablePath.endsWith("/") ? "" : "/") + "_delta_log/"
        + String.format("%020d.json", readVersion);
    try {
      fileIO.getFileStatus(commitFile);
    } catch (java.io.FileNotFoundException e) {
      throw new TableDroppedException(tablePath, readVersion);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot check the log of " + tablePath, e);
    }
  }

  /** The label plus the numbers of files added and removed, as Delta's operation metrics name them. */
  private CommitLabel labelWithFileCounts() {
    long added = 0;
    long removed = 0;
    for (Row action : actions) {
      if (!action.isNullAt(SingleAction.ADD_FILE_ORDINAL)) {
        added++;
      } else if (!action.isNullAt(SingleAction.REMOVE_FILE_ORDINAL)) {
        removed++;
      }
    }
    Map<String, String> metrics = new LinkedHashMap<>(label.metrics());
    metrics.put("numAddedFiles", Long.toString(added));
    metrics.put("numRemovedFiles", Long.toString(removed));
    if (label.operation().equals("WRITE")) {
      metrics.put("numOutputRows", Long.toString(rowCount));
    }
    return label.withMetrics(metrics);
  }

  /**
   * Commits the actions; a statement that depends on what it read is rebased onto concurrent commits
   * that do not conflict with it (see {@link ReadScope}), up to a bound.
   */
  private TransactionCommitResult commitRebasing() {
    Transaction attempt = transaction;
    for (int rebases = 0; ; rebases++) {
      try {
        return attempt.commit(engine,
            CloseableIterable.inMemoryIterable(Utils.toCloseableIterator(actions.iterator())));
      } catch (MaxCommitRetryLimitReachedException | ConcurrentWriteException e) {
        if (!dependsOnRead) {
          throw e; // appends are retried by Kernel; a lost CREATE race is the caller's to report
        }
        long readVersion = attempt.getReadTableVersion();
        if (readScope == null || rebases >= MAX_REBASES) {
          throw new WriteConflictException(tablePath, readVersion, e);
        }
        Snapshot latest = lake.latest(tablePath, java.time.Duration.ZERO).orElseThrow(() -> e);
        Optional<WinningCommits.Conflict> conflict =
            WinningCommits.read(engine, latest, readVersion + 1).firstConflict(latest, readScope);
        if (conflict.isPresent()) {
          throw new WriteConflictException(tablePath, readVersion, conflict.get().version(),
              conflict.get().reason(), e);
        }
        LOG.debug("Rebasing the commit of {} from version {} onto version {}", tablePath, readVersion,
            latest.getVersion());
        attempt = updateTransaction(latest, engine, true);
      }
    }
  }

  /**
   * Marks the end of a statement whose rows stay staged (a transaction): a later
   * {@link #rollbackToSavepoint()} discards what follows, so that a failed statement leaves the
   * transaction as it was before it.
   */
  public void savepoint() {
    finishAll();
    savepoint = new Savepoint(actions.size(), fileIO.createdFiles().size(), rowCount);
  }

  /** Discards the rows and files written since the last savepoint. */
  public void rollbackToSavepoint() {
    dropAll(true);
    actions.subList(savepoint.actions(), actions.size()).clear();
    List<String> created = fileIO.createdFiles();
    deleteQuietly(created.subList(savepoint.files(), created.size()));
    rowCount = savepoint.rows();
  }

  /** Discards everything written so far; nothing was or will be committed. */
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    dropAll(false);
    deleteQuietly(fileIO.createdFiles());
  }

  private void deleteQuietly(List<String> files) {
    for (String file : files) {
      try {
        fileIO.delete(file);
      } catch (IOException | RuntimeException e) {
        LOG.warn("Could not delete {} after a failed write: {}", file, e.toString());
      }
    }
  }

  /** What a writer held at the end of the last staged statement. */
  private record Savepoint(int actions, int files, long rows) {}

  @Override
  public void close() {
    if (!finished) {
      abort();
    }
  }

  /**
   * Runs Kernel's post-commit hooks. A checkpoint (every tenth commit by default) reads the log and
   * writes a Parquet file, which a JDBC batch that commits every few thousand rows felt: it runs on a
   * writer thread while the statement returns ({@link DeltaLake#close} waits for it). The commit is
   * durable already; a checkpoint only speeds up later reads, and readers find it only once it is
   * complete.
   */
  private void runPostCommitHooks(TransactionCommitResult result) {
    for (PostCommitHook hook : result.getPostCommitHooks()) {
      if (hook.getType() == PostCommitHook.PostCommitHookType.CHECKPOINT) {
        lake.inBackground(() -> runPostCommitHook(hook, result.getVersion()));
      } else {
        runPostCommitHook(hook, result.getVersion());
      }
    }
  }

  private void runPostCommitHook(PostCommitHook hook, long version) {
    try {
      hook.threadSafeInvoke(engine);
    } catch (IOException | RuntimeException e) {
      // The commit itself is durable; a missing checkpoint or checksum only costs read speed.
      LOG.warn("Post-commit {} of {} version {} failed: {}", hook.getType(), tablePath, version,
          e.toString());
    }
  }

  private List<Object> partitionKey(Object[] row) {
    if (partitionOrdinals.length == 0) {
      return List.of();
    }
    List<Object> key = new ArrayList<>(partitionOrdinals.length);
    for (int ordinal : partitionOrdinals) {
      Object value = row[ordinal];
      // byte[] has identity equality; partition keys need value equality.
      key.add(value instanceof byte[] ? java.nio.ByteBuffer.wrap((byte[]) value) : value);
    }
    return java.util.Collections.unmodifiableList(key);
  }

  private Map<String, Literal> partitionValues(Object[] row) {
    Map<String, Literal> values = new LinkedHashMap<>();
    for (int ordinal : partitionOrdinals) {
      values.put(schema.at(ordinal).getName(),
          KernelLiterals.of(schema.at(ordinal).getDataType(), row[ordinal]));
    }
    return values;
  }

  private static int ordinalIgnoreCase(StructType schema, String name) {
    for (int i = 0; i < schema.length(); i++) {
      if (schema.at(i).getName().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalStateException("partition column " + name + " is not in the table schema");
  }

  /** The rows buffered for one partition, and the writer of its open file, if any. */
  private final class OpenPartition {
    final List<Object> key;
    final Map<String, Literal> values;
    PartitionSink sink;
    /** Values column by column, so that a full batch becomes column vectors without a copy. */
    private final ColumnBuffer[] columns;
    private int capacity;
    int size;

    OpenPartition(List<Object> key, Map<String, Literal> values) {
      this.key = key;
      this.values = values;
      this.capacity = Math.min(batchRows, INITIAL_CAPACITY);
      this.columns = new ColumnBuffer[schema.length()];
      for (int column = 0; column < columns.length; column++) {
        columns[column] =
            ColumnBuffer.forType(schema.at(column).getDataType(), capacity, flatFiles != null);
      }
    }

    void add(Object[] row) {
      if (size == capacity) {
        // Small partitions stay small; big ones grow to the batch size.
        capacity = Math.min(batchRows, size * 2);
        for (ColumnBuffer column : columns) {
          column.grow(capacity);
        }
      }
      for (int column = 0; column < row.length; column++) {
        columns[column].set(size, row[column]);
      }
      size++;
    }

    /**
     * Hands the buffered rows to the writer, which reads the arrays on its thread; the buffers start
     * over with new ones, small unless the partition filled a whole batch.
     */
    void flush(PartitionSink target) {
      if (size == 0) {
        return;
      }
      List<ColumnVector> vectors = new ArrayList<>(columns.length);
      capacity = size >= batchRows ? batchRows : Math.min(batchRows, INITIAL_CAPACITY);
      for (ColumnBuffer column : columns) {
        vectors.add(column.take(size, capacity));
      }
      target.put(PartitionSink.unfiltered(new VectorBatch(schema, vectors, size)));
      size = 0;
    }

    @Override
    public String toString() {
      return "partition " + key;
    }
  }
}
