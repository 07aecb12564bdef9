/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * One Parquet file of a flat schema whose columns are encoded independently of each other, so that two
 * threads can encode one file: the writer thread and, when one is free, a helper
 * ({@link EncodingHelpers}) take the columns of each group of rows one by one. Every column has its
 * own parquet-hadoop column store and page store (what {@code ParquetWriter} keeps one of for all
 * columns), and at the end of a row group the column chunks go to the file in schema order. Pages,
 * encodings, statistics, column and offset indexes are parquet-hadoop's own; only the interleaving
 * of the columns' work differs from {@code ParquetWriter}.
 *
 * <p>Encoding is the larger part of writing a file, and a JDBC batch or an INSERT … SELECT otherwise
 * leaves it to a single thread while the statement's thread waits for it.
 */
final class ColumnParallelFile {
  /** Rows below which one thread encodes a group alone: help costs a hand-over per group. */
  static final int PARALLEL_ROWS = 256;

  /** Writes the value of one row of a column; a column's values come from one source per batch. */
  interface ValueSource {
    void write(ColumnWriter out, int row);
  }

  private final ParquetFileWriter file;
  private final ParquetProperties properties;
  private final Column[] columns;
  private final long rowGroupBytes;
  private final EncodingHelpers helpers;
  /**
   * Per column, the smoothed nanoseconds per row of its last groups: written by the thread that
   * encoded the column, read after the group's end (the latch orders them).
   */
  private final long[] costs;
  private long rowGroupRows;
  private long rows;

  /**
   * Starts a file.
   *
   * @param compressors one per column (compressors keep state, and columns are encoded in parallel)
   */
  ColumnParallelFile(OutputFile output, MessageType schema, ParquetProperties properties,
      List<CompressionCodecFactory.BytesInputCompressor> compressors, long rowGroupBytes,
      EncodingHelpers helpers) throws IOException {
    this.properties = requireNonNull(properties, "properties");
    this.helpers = requireNonNull(helpers, "helpers");
    this.rowGroupBytes = rowGroupBytes;
    List<Type> fields = schema.getFields();
    if (compressors.size() != fields.size()) {
      throw new IllegalArgumentException(compressors.size() + " compressors for " + fields.size()
          + " columns");
    }
    this.columns = new Column[fields.size()];
    this.costs = new long[fields.size()];
    for (int i = 0; i < columns.length; i++) {
      if (!fields.get(i).isPrimitive()) {
        throw new IllegalArgumentException("not a flat schema: " + schema);
      }
      columns[i] = new Column(new MessageType(schema.getName(), fields.get(i)), compressors.get(i));
    }
    this.file = new ParquetFileWriter(output, schema, ParquetFileWriter.Mode.CREATE, rowGroupBytes,
        ParquetWriter.MAX_PADDING_SIZE_DEFAULT, null, properties);
    file.start();
    for (Column column : columns) {
      column.startRowGroup();
    }
  }

  /** Rows written so far. */
  long rows() {
    return rows;
  }

  /** The bytes written plus the encoded bytes buffered, as {@code ParquetWriter.getDataSize}. */
  long dataSize() throws IOException {
    return file.getPos() + bufferedBytes();
  }

  private long bufferedBytes() {
    long bytes = 0;
    for (Column column : columns) {
      bytes += column.store.getBufferedSize();
    }
    return bytes;
  }

  /**
   * Writes rows {@code rowIds[from]} to {@code rowIds[from + count - 1]} of the sources (one per
   * column, in schema order).
   */
  void write(ValueSource[] sources, int[] rowIds, int from, int count) throws IOException {
    if (sources.length != columns.length) {
      throw new IllegalArgumentException(sources.length + " sources for " + columns.length
          + " columns");
    }
    inParallel(count >= PARALLEL_ROWS, c -> {
      long start = System.nanoTime();
      columns[c].encode(sources[c], rowIds, from, count);
      // Nanoseconds per row, smoothed: the order in which the next groups take the columns.
      costs[c] = (costs[c] + (System.nanoTime() - start) / count) / 2;
    });
    rows += count;
    rowGroupRows += count;
    if (bufferedBytes() >= rowGroupBytes) {
      flushRowGroup();
      for (Column column : columns) {
        column.startRowGroup();
      }
    }
  }

  /** Writes the last row group and the footer; {@code metadata} goes into the footer. */
  ParquetMetadata close(Map<String, String> metadata) throws IOException {
    flushRowGroup();
    file.end(metadata);
    return file.getFooter();
  }

  /** Releases the buffers of a file that will not be finished (its file is deleted elsewhere). */
  void abandon() {
    for (Column column : columns) {
      column.release();
    }
    try {
      file.close();
    } catch (IOException | RuntimeException e) {
      // The write failed already; this is only cleanup.
    }
  }

  private void flushRowGroup() throws IOException {
    if (rowGroupRows == 0) {
      return;
    }
    // The last page of every column is encoded and compressed in parallel; the chunks go to the file
    // one after the other, in schema order.
    inParallel(true, c -> columns[c].store.flush());
    file.startBlock(rowGroupRows);
    for (Column column : columns) {
      column.flushTo(file);
    }
    file.endBlock();
    rowGroupRows = 0;
  }

  /** One column's parquet-hadoop column store and the page store of its chunk in the row group. */
  private final class Column {
    private final MessageType schema;
    private final ColumnDescriptor descriptor;
    private final CompressionCodecFactory.BytesInputCompressor compressor;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private ColumnWriter writer;

    Column(MessageType schema, CompressionCodecFactory.BytesInputCompressor compressor) {
      this.schema = schema;
      this.descriptor = schema.getColumns().get(0);
      this.compressor = requireNonNull(compressor, "compressor");
    }

    void startRowGroup() {
      pages = new ColumnChunkPageWriteStore(compressor, schema, properties.getAllocator(),
          properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
      store = properties.newColumnWriteStore(schema, pages, pages);
      writer = store.getColumnWriter(descriptor);
    }

    /** Encodes the column's values of the rows; parquet-hadoop writes pages as they fill up. */
    void encode(ValueSource source, int[] rowIds, int from, int count) {
      ColumnWriter out = writer;
      ColumnWriteStore columnStore = store;
      for (int i = from; i < from + count; i++) {
        source.write(out, rowIds[i]);
        columnStore.endRecord();
      }
    }

    void flushTo(ParquetFileWriter target) throws IOException {
      pages.flushToFileWriter(target);
      release();
    }

    void release() {
      if (store != null) {
        store.close();
        pages.close();
        store = null;
        pages = null;
        writer = null;
      }
    }
  }

  /** Runs {@code task} for every column, with a helper's help if one is free and {@code help}. */
  private void inParallel(boolean help, IntConsumer task) throws IOException {
    ColumnTasks tasks = new ColumnTasks(task, byCost());
    if (help && columns.length > 1) {
      helpers.tryHelp(tasks::run);
    }
    tasks.run();
    tasks.awaitAll();
  }

  /**
   * The columns, most expensive first (the longest tasks are started first, so that the two threads
   * finish at about the same time).
   */
  private int[] byCost() {
    Integer[] order = new Integer[columns.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compare(costs[b], costs[a]));
    int[] columnOrder = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      columnOrder[i] = order[i];
    }
    return columnOrder;
  }

  /**
   * A task per column, taken one at a time by the writer thread and a helper. The writer takes
   * whatever is left, so it never waits for a helper that has not started; it waits only for the
   * columns a helper is working on.
   */
  private static final class ColumnTasks {
    private final IntConsumer task;
    private final int[] order;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch done;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ColumnTasks(IntConsumer task, int[] order) {
      this.task = task;
      this.order = order;
      this.done = new CountDownLatch(order.length);
    }

    void run() {
      for (int i = next.getAndIncrement(); i < order.length; i = next.getAndIncrement()) {
        try {
          if (failure.get() == null) {
            task.accept(order[i]);
          }
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      }
    }

    /**
     * Waits for the columns a helper took. Not interruptible: a column store must not be used by two
     * threads, and a helper's share is a few thousand values.
     */
    void awaitAll() throws IOException {
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      Throwable failed = failure.get();
      if (failed instanceof RuntimeException) {
        throw (RuntimeException) failed;
      } else if (failed instanceof Error) {
        throw (Error) failed;
      }
      if (interrupted) {
        throw new InterruptedIOException("interrupted while encoding Parquet columns");
      }
    }
  }
}
