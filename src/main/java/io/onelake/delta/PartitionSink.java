/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.onelake.storage.KernelPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes the rows of one partition to Parquet on a worker thread while the statement keeps producing
 * rows: batches go through a small bounded queue, so memory stays bounded and producing rows overlaps
 * with encoding and uploading them. Kernel's writer rolls files over at the target size.
 */
final class PartitionSink {
  private static final Object END = new Object();
  private static final int QUEUE_CAPACITY = 2;

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  /** Whether the writer task started (it then counts {@link #stopped} down) or was cancelled first. */
  private final AtomicBoolean claimed = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Future<List<Row>> result;

  /**
   * @param flatFiles the driver's Parquet writer for flat tables ({@link FlatParquetFiles#supports}),
   *     or null for Kernel's
   */
  PartitionSink(ExecutorService executor, Engine engine, FileIO fileIO, WriteOptions flatFiles,
      DictionaryHints dictionaryHints, EncodingHelpers helpers, Row transactionState,
      Map<String, Literal> partitionValues) {
    requireNonNull(engine, "engine");
    requireNonNull(fileIO, "fileIO");
    requireNonNull(transactionState, "transactionState");
    requireNonNull(partitionValues, "partitionValues");
    this.result = executor.submit(() -> {
      if (!claimed.compareAndSet(false, true)) {
        return List.of(); // cancelled before it started
      }
      try {
        return write(engine, fileIO, flatFiles, dictionaryHints, helpers, transactionState,
            partitionValues);
      } finally {
        stopped.countDown();
      }
    });
  }

  private List<Row> write(Engine engine, FileIO fileIO, WriteOptions flatFiles,
      DictionaryHints dictionaryHints, EncodingHelpers helpers, Row state,
      Map<String, Literal> partitionValues)
      throws Exception {
    try (CloseableIterator<FilteredColumnarBatch> physical =
        Transaction.transformLogicalData(engine, state, new QueueIterator(), partitionValues)) {
      DataWriteContext context = Transaction.getWriteContext(engine, state, partitionValues);
      String directory = KernelPaths.decodeTargetDirectory(context.getTargetDirectory());
      CloseableIterator<DataFileStatus> files = flatFiles == null
          ? engine.getParquetHandler().writeParquetFiles(directory, physical,
              context.getStatisticsColumns())
          : Utils.toCloseableIterator(new FlatParquetFiles(fileIO, directory,
              context.getStatisticsColumns(), flatFiles, dictionaryHints, helpers)
              .write(physical).iterator());
      List<Row> actions = new ArrayList<>();
      try (CloseableIterator<Row> rows =
          Transaction.generateAppendActions(engine, state, files, context)) {
        rows.forEachRemaining(actions::add);
      }
      return actions;
    }
  }

  /** Hands one batch to the writer, waiting while the queue is full. */
  void put(FilteredColumnarBatch batch) {
    offer(batch);
  }

  /** Ends the input and waits for the add actions of the files written. */
  List<Row> finish() {
    offer(END);
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing Parquet files", e);
    } catch (ExecutionException e) {
      throw propagate(e.getCause());
    }
  }

  /**
   * Stops the writer and waits until its thread has let go of the sink, so that no file is created
   * after the failed statement deleted its files; used when the statement fails.
   */
  void cancel() {
    boolean started = !claimed.compareAndSet(false, true);
    result.cancel(true);
    queue.clear();
    if (!started) {
      return;
    }
    try {
      if (!stopped.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the Parquet writer did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void offer(Object element) {
    try {
      while (!queue.offer(element, 100, TimeUnit.MILLISECONDS)) {
        if (result.isDone()) {
          // The writer failed (or was cancelled) and will never take more input.
          finishFailed();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing Parquet files", e);
    }
  }

  private void finishFailed() {
    try {
      result.get();
      throw new IllegalStateException("the Parquet writer stopped before its input ended");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing Parquet files", e);
    } catch (ExecutionException e) {
      throw propagate(e.getCause());
    }
  }

  private static RuntimeException propagate(Throwable cause) {
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new IllegalStateException("writing Parquet files failed: " + cause.getMessage(), cause);
  }

  /** The writer thread's view of the queue. */
  private final class QueueIterator implements CloseableIterator<FilteredColumnarBatch> {
    private Object next;

    @Override
    public boolean hasNext() {
      if (next == null) {
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("write cancelled", e);
        }
      }
      return next != END;
    }

    @Override
    public FilteredColumnarBatch next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      FilteredColumnarBatch batch = (FilteredColumnarBatch) next;
      next = null;
      return batch;
    }

    @Override
    public void close() {}
  }

  static FilteredColumnarBatch unfiltered(io.delta.kernel.data.ColumnarBatch batch) {
    return new FilteredColumnarBatch(batch, Optional.empty());
  }
}
