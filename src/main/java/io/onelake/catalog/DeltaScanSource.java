/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.onelake.delta.DeltaScan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The run-time side of {@link DeltaTableScan}: a lazy, streaming enumerable of rows in Calcite's
 * representation. Nothing is read until the first row is asked for, and closing the enumerator (as
 * LIMIT does) stops reading; the statement's cancel flag is honoured between rows.
 */
public final class DeltaScanSource {
  /** An output that is the row's data file ({@link DeltaTable#FILE_COLUMN}). */
  static final int FILE = -1;
  /** An output that is the row's position in its file ({@link DeltaTable#ROW_INDEX_COLUMN}). */
  static final int ROW_INDEX = -2;

  private final DeltaTable table;
  private final StructType readSchema;
  private final int[] outputs;
  private final Optional<Predicate> filter;
  private final boolean scalar;
  private final long limit;
  private final boolean[] microsTimestamps;
  private final List<TimestampCondition> timestampConditions;
  private final AtomicLong filesOpened = new AtomicLong();

  /**
   * @param outputs for each output column the index of the read column it is, or {@link #FILE} or
   *     {@link #ROW_INDEX}
   * @param scalar rows of one column are that column's bare value instead of an Object[]
   * @param limit the most rows anyone will ask for; reading stops there instead of opening the next file
   * @param microsTimestamps per read column: a timestamp column is typed to carry
   *     {@link MicrosTimestamp}s
   * @param timestampConditions conditions every row produced must satisfy
   */
  DeltaScanSource(DeltaTable table, StructType readSchema, int[] outputs, Optional<Predicate> filter,
      boolean scalar, long limit, boolean[] microsTimestamps,
      List<TimestampCondition> timestampConditions) {
    this.microsTimestamps = microsTimestamps.clone();
    this.timestampConditions = List.copyOf(timestampConditions);
    this.table = requireNonNull(table, "table");
    this.outputs = outputs.clone();
    this.scalar = scalar;
    this.limit = limit;
    this.readSchema = requireNonNull(readSchema, "readSchema");
    this.filter = requireNonNull(filter, "filter");
  }

  /** Data files opened so far by enumerators of this source. */
  public long filesOpened() {
    return filesOpened.get();
  }

  public Enumerable<Object> bind(DataContext context) {
    AtomicBoolean cancelFlag = context == null ? null : DataContext.Variable.CANCEL_FLAG.get(context);
    // Statement.setQueryTimeout: Calcite hands the timeout over but nothing in its runtime checks it.
    Long timeoutMillis = context == null ? null : DataContext.Variable.TIMEOUT.get(context);
    long deadline = timeoutMillis == null || timeoutMillis <= 0 ? Long.MAX_VALUE
        : System.nanoTime() + timeoutMillis * 1_000_000L;
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        // The version and files to read are decided when rows are first asked for, not at planning.
        Snapshot snapshot = table.snapshotFor(context);
        Optional<Set<String>> files = table.hasRowIdentity()
            ? DmlScope.of(context).files() : Optional.empty();
        return new RowEnumerator(snapshot, files, cancelFlag, deadline);
      }
    };
  }

  private final class RowEnumerator implements Enumerator<Object> {
    private final Snapshot snapshot;
    private final Optional<Set<String>> files;
    private final AtomicBoolean cancelFlag;
    private final long deadline;
    private final KernelValues.ValueReader[] readers;
    private CloseableIterator<DeltaScan.FileBatch> batches;
    private String file;
    private long firstRowIndex;
    private ColumnVector[] vectors;
    private ColumnVector selection;
    private int size;
    private int row;
    private Object current;
    private boolean positioned;
    private long returned;

    RowEnumerator(Snapshot snapshot, Optional<Set<String>> files, AtomicBoolean cancelFlag,
        long deadline) {
      this.snapshot = snapshot;
      this.files = files;
      this.cancelFlag = cancelFlag;
      this.deadline = deadline;
      this.readers = new KernelValues.ValueReader[readSchema.length()];
      for (int i = 0; i < readers.length; i++) {
        readers[i] = KernelValues.columnReader(readSchema.at(i).getDataType(), table.catalog().timeZone(),
            microsTimestamps[i]);
      }
    }

    @Override
    public Object current() {
      if (!positioned) {
        throw new NoSuchElementException();
      }
      // A one-column row is its bare value, which may be NULL.
      return current;
    }

    @Override
    public boolean moveNext() {
      if (cancelFlag != null && cancelFlag.get()) {
        throw new StatementCancelledException("The statement was cancelled");
      }
      if (deadline != Long.MAX_VALUE && System.nanoTime() > deadline) {
        throw new StatementCancelledException("The statement ran longer than its query timeout");
      }
      if (returned >= limit) {
        current = null;
        positioned = false;
        return false;
      }
      if (batches == null) {
        batches = new DeltaScan(table.catalog().lake().engine(), snapshot, readSchema, filter, files,
            filesOpened).openFiles();
      }
      while (true) {
        while (row < size) {
          int index = row++;
          if (selection != null && (selection.isNullAt(index) || !selection.getBoolean(index))) {
            continue;
          }
          Object[] values = new Object[outputs.length];
          for (int i = 0; i < outputs.length; i++) {
            int source = outputs[i];
            if (source >= 0) {
              values[i] = readers[source].read(vectors[source], index);
            } else {
              values[i] = source == FILE ? file : (Object) (firstRowIndex + index);
            }
          }
          if (!satisfiesTimestampConditions(values)) {
            continue;
          }
          current = scalar ? values[0] : values;
          positioned = true;
          returned++;
          return true;
        }
        if (!batches.hasNext()) {
          current = null;
          positioned = false;
          return false;
        }
        DeltaScan.FileBatch fileBatch = batches.next();
        FilteredColumnarBatch batch = fileBatch.batch();
        file = fileBatch.path();
        firstRowIndex = fileBatch.firstRowIndex();
        ColumnarBatch data = batch.getData();
        vectors = new ColumnVector[readers.length];
        for (int i = 0; i < readers.length; i++) {
          vectors[i] = data.getColumnVector(i);
        }
        selection = batch.getSelectionVector().orElse(null);
        size = data.getSize();
        row = 0;
      }
    }

    private boolean satisfiesTimestampConditions(Object[] values) {
      for (TimestampCondition condition : timestampConditions) {
        if (!condition.test(values[condition.column()])) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void reset() {
      close();
      vectors = null;
      selection = null;
      size = 0;
      row = 0;
      current = null;
      positioned = false;
      returned = 0;
    }

    @Override
    public void close() {
      if (batches != null) {
        try {
          batches.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        batches = null;
      }
    }
  }

  /** Raised when the statement was cancelled (JDBC cancel or query timeout). */
  public static final class StatementCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StatementCancelledException(String message) {
      super(message);
    }
  }
}
