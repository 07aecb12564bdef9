/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.defaults.internal.data.DefaultColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A streaming read of one snapshot: Kernel prunes files by partition values and min/max statistics,
 * then the files are read one at a time, lazily, so that a consumer that stops early (LIMIT) never
 * opens the remaining files. Rows in the returned batches still have to be filtered by the caller:
 * Kernel's skipping is per file, not per row.
 */
public final class DeltaScan {
  private static final int COLUMNLESS_BATCH_ROWS = 1 << 16;

  private final Engine engine;
  private final Snapshot snapshot;
  private final StructType readSchema;
  private final Optional<Predicate> filter;
  private final Optional<Set<String>> onlyFiles;
  private final AtomicLong filesOpened;

  /**
   * @param readSchema the logical columns to read, a subset of the table schema
   * @param filter a predicate for file skipping, or empty
   * @param filesOpened incremented for every data file opened (a metric for tests and EXPLAIN)
   */
  public DeltaScan(Engine engine, Snapshot snapshot, StructType readSchema, Optional<Predicate> filter,
      AtomicLong filesOpened) {
    this(engine, snapshot, readSchema, filter, Optional.empty(), filesOpened);
  }

  /** @param onlyFiles if present, only the data files with these paths (as the log names them) */
  public DeltaScan(Engine engine, Snapshot snapshot, StructType readSchema, Optional<Predicate> filter,
      Optional<Set<String>> onlyFiles, AtomicLong filesOpened) {
    this.engine = requireNonNull(engine, "engine");
    this.snapshot = requireNonNull(snapshot, "snapshot");
    this.readSchema = requireNonNull(readSchema, "readSchema");
    this.filter = requireNonNull(filter, "filter");
    this.onlyFiles = requireNonNull(onlyFiles, "onlyFiles");
    this.filesOpened = requireNonNull(filesOpened, "filesOpened");
  }

  /** Opens the scan; the caller must close the iterator. */
  public CloseableIterator<FilteredColumnarBatch> open() {
    return openFiles().map(FileBatch::batch);
  }

  /** Opens the scan, telling for each batch which file and rows it holds; the caller must close it. */
  public CloseableIterator<FileBatch> openFiles() {
    ScanBuilder builder = snapshot.getScanBuilder().withReadSchema(readSchema);
    if (filter.isPresent()) {
      builder = builder.withFilter(filter.get());
    }
    Scan scan = builder.build();
    Row scanState = scan.getScanState(engine);
    // Reading only partition columns: the statistics' row counts may spare opening the files.
    boolean countFromStats = ScanStateRow.getPhysicalDataReadSchema(scanState).length() == 0;
    return new BatchIterator(scan.getScanFiles(engine, countFromStats), scanState);
  }

  /**
   * Rows of one data file: {@code path} as the Delta log names the file, and the position in the file
   * of the batch's first row (rows deleted by a deletion vector count; they are unselected).
   */
  public record FileBatch(FilteredColumnarBatch batch, String path, long firstRowIndex) {}

  /** Walks scan files, then the batches of each file, reading a file only when it is reached. */
  private final class BatchIterator implements CloseableIterator<FileBatch> {
    private final CloseableIterator<FilteredColumnarBatch> scanFileBatches;
    private final Row scanState;
    private final StructType physicalSchema;
    private CloseableIterator<Row> scanFiles;
    private CloseableIterator<FilteredColumnarBatch> data;
    private String dataPath;
    private long nextRowIndex;
    private FileBatch next;

    BatchIterator(CloseableIterator<FilteredColumnarBatch> scanFileBatches, Row scanState) {
      this.scanFileBatches = scanFileBatches;
      this.scanState = scanState;
      this.physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (data != null && data.hasNext()) {
          FilteredColumnarBatch batch = data.next();
          int size = batch.getData().getSize();
          if (size > 0) {
            next = new FileBatch(batch, dataPath, nextRowIndex);
          }
          nextRowIndex += size;
          continue;
        }
        closeQuietly(data);
        data = null;
        Row scanFile = nextScanFile();
        if (scanFile == null) {
          return false;
        }
        dataPath = logPath(scanFile);
        nextRowIndex = 0;
        data = read(scanFile);
      }
      return true;
    }

    @Override
    public FileBatch next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      FileBatch result = next;
      next = null;
      return result;
    }

    private Row nextScanFile() {
      while (true) {
        while (scanFiles != null && scanFiles.hasNext()) {
          Row scanFile = scanFiles.next();
          if (onlyFiles.isEmpty() || onlyFiles.get().contains(
              logPath(scanFile))) {
            return scanFile;
          }
        }
        closeQuietly(scanFiles);
        scanFiles = null;
        if (!scanFileBatches.hasNext()) {
          return null;
        }
        scanFiles = scanFileBatches.next().getRows();
      }
    }

    private CloseableIterator<FilteredColumnarBatch> read(Row scanFile) {
      FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
      try {
        if (physicalSchema.length() == 0) {
          // No column comes from the file: its rows are its row count times the partition values.
          AddFile add = new AddFile(scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
          Optional<Long> records = add.getNumRecords();
          if (records.isPresent() && add.getDeletionVector().isEmpty()) {
            return Scan.transformPhysicalData(engine, scanState, scanFile,
                columnlessBatches(records.get()));
          }
        }
        filesOpened.incrementAndGet();
        CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
            .readParquetFiles(singleton(file), physicalSchema, Optional.empty())
            .map(result -> result.getData());
        return Scan.transformPhysicalData(engine, scanState, scanFile, physical);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file.getPath() + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      closeQuietly(data);
      closeQuietly(scanFiles);
      scanFileBatches.close();
    }
  }

  /** Batches without columns holding {@code rows} rows in all. */
  private CloseableIterator<ColumnarBatch> columnlessBatches(long rows) {
    List<ColumnarBatch> batches = new ArrayList<>();
    StructType empty = new StructType();
    for (long remaining = rows; remaining > 0; remaining -= COLUMNLESS_BATCH_ROWS) {
      int size = (int) Math.min(remaining, COLUMNLESS_BATCH_ROWS);
      batches.add(new DefaultColumnarBatch(size, empty, new ColumnVector[0]));
    }
    return io.delta.kernel.internal.util.Utils.toCloseableIterator(batches.iterator());
  }

  /** The file's path as the log names it (relative to the table, %-encoded), the key of removes. */
  private static String logPath(Row scanFile) {
    return new AddFile(scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL)).getPath();
  }

  private static <T> CloseableIterator<T> singleton(T element) {
    return io.delta.kernel.internal.util.Utils.singletonCloseableIterator(element);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
