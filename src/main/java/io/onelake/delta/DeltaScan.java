/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A streaming read of one snapshot: Kernel prunes files by partition values and min/max statistics,
 * then the files are read one at a time, lazily, so that a consumer that stops early (LIMIT) never
 * opens the remaining files. Rows in the returned batches still have to be filtered by the caller:
 * Kernel's skipping is per file, not per row.
 */
public final class DeltaScan {
  private final Engine engine;
  private final Snapshot snapshot;
  private final StructType readSchema;
  private final Optional<Predicate> filter;
  private final AtomicLong filesOpened;

  /**
   * @param readSchema the logical columns to read, a subset of the table schema
   * @param filter a predicate for file skipping, or empty
   * @param filesOpened incremented for every data file opened (a metric for tests and EXPLAIN)
   */
  public DeltaScan(Engine engine, Snapshot snapshot, StructType readSchema, Optional<Predicate> filter,
      AtomicLong filesOpened) {
    this.engine = requireNonNull(engine, "engine");
    this.snapshot = requireNonNull(snapshot, "snapshot");
    this.readSchema = requireNonNull(readSchema, "readSchema");
    this.filter = requireNonNull(filter, "filter");
    this.filesOpened = requireNonNull(filesOpened, "filesOpened");
  }

  /** Opens the scan; the caller must close the iterator. */
  public CloseableIterator<FilteredColumnarBatch> open() {
    ScanBuilder builder = snapshot.getScanBuilder().withReadSchema(readSchema);
    if (filter.isPresent()) {
      builder = builder.withFilter(filter.get());
    }
    Scan scan = builder.build();
    Row scanState = scan.getScanState(engine);
    return new BatchIterator(scan.getScanFiles(engine), scanState);
  }

  /** Walks scan files, then the batches of each file, reading a file only when it is reached. */
  private final class BatchIterator implements CloseableIterator<FilteredColumnarBatch> {
    private final CloseableIterator<FilteredColumnarBatch> scanFileBatches;
    private final Row scanState;
    private final StructType physicalSchema;
    private CloseableIterator<Row> scanFiles;
    private CloseableIterator<FilteredColumnarBatch> data;
    private FilteredColumnarBatch next;

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
          if (batch.getData().getSize() > 0) {
            next = batch;
          }
          continue;
        }
        closeQuietly(data);
        data = null;
        Row scanFile = nextScanFile();
        if (scanFile == null) {
          return false;
        }
        data = read(scanFile);
      }
      return true;
    }

    @Override
    public FilteredColumnarBatch next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      FilteredColumnarBatch result = next;
      next = null;
      return result;
    }

    private Row nextScanFile() {
      while (true) {
        if (scanFiles != null && scanFiles.hasNext()) {
          return scanFiles.next();
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
      filesOpened.incrementAndGet();
      try {
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
