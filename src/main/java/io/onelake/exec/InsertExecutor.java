/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import io.onelake.OneLakeException;
import io.onelake.delta.CommitLabel;
import io.onelake.delta.DeltaTableStats;
import io.onelake.delta.DeltaWriter;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.types.StructField;
import io.delta.kernel.utils.CloseableIterator;
import io.onelake.catalog.DeltaScanSource;
import io.onelake.delta.DeltaScan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import io.onelake.delta.TableDefinitionChange;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * INSERT INTO t [(columns)] VALUES ... | SELECT ...: a blind append of the statement's rows in one commit
 * (Kernel retries it on top of concurrent commits), or, inside a JDBC batch, rows added to the batch's
 * single commit. INSERT OVERWRITE and {@code onelake_insert_mode = overwrite} replace all rows in one
 * commit; {@code error_if_exists} and {@code ignore} look at the table first (SPEC §5).
 */
public final class InsertExecutor {
  private final Session session;

  public InsertExecutor(Session session) {
    this.session = requireNonNull(session, "session");
  }

  /** Runs the statement; returns the number of rows inserted. */
  public long execute(InsertSpec spec, DataContext context) {
    SessionSettings settings = session.settings();
    Snapshot snapshot = TargetVersion.current(session, spec.target(), spec.newSchema());
    TableDefinitionChange change = spec.newSchema()
        .filter(schema -> !schema.equals(snapshot.getSchema()))
        .map(TableDefinitionChange::schema)
        .orElse(TableDefinitionChange.none());
    String mode = spec.overwrite() ? "overwrite" : settings.get(SessionSetting.INSERT_MODE);
    if (!change.isEmpty() && session.batch().isActive()) {
      // Staged rows of the batch's one writer follow the schema the batch started with.
      throw OneLakeException.unsupported("An INSERT that changes the table's schema "
          + "(onelake_schema_mode) inside a JDBC batch or a transaction");
    }
    switch (mode) {
      case "append":
        break;
      case "overwrite":
        return overwrite(spec, snapshot, change, context);
      case "error_if_exists":
        if (hasRows(snapshot)) {
          throw new OneLakeException(OneLakeException.TABLE_EXISTS, "Table "
              + spec.target().id().displayName() + " already has data and onelake_insert_mode is "
              + "error_if_exists");
        }
        break;
      case "ignore":
        if (hasRows(snapshot)) {
          return 0;
        }
        break;
      default:
        throw new IllegalStateException("unknown insert mode " + mode);
    }
    StagedWrites batch = session.batch();
    boolean staged = batch.isActive();
    DeltaWriter writer = staged
        ? batch.writer(snapshot.getPath(), () -> open(snapshot, spec.blindAppend(), change))
        : open(snapshot, spec.blindAppend(), change);
    try {
      long inserted = writeRows(writer, spec, context);
      if (!staged) {
        writer.commit();
      }
      return inserted;
    } finally {
      if (!staged) {
        writer.close();
      }
    }
  }

  /**
   * INSERT OVERWRITE (or onelake_insert_mode = overwrite): the new rows replace all rows in one commit.
   * Inside a JDBC batch or a transaction it would depend on rows staged by earlier statements, so it is
   * refused there.
   */
  private long overwrite(InsertSpec spec, Snapshot snapshot, TableDefinitionChange change,
      DataContext context) {
    if (session.batch().isActive()) {
      throw OneLakeException.unsupported("INSERT OVERWRITE inside a JDBC batch or a transaction");
    }
    try (DeltaWriter writer =
        DeltaWriter.overwrite(session.lake(), snapshot, session.settings().writeOptions(), change)) {
      writer.label(new CommitLabel("WRITE", Map.of("mode", "Overwrite"), Map.of(), false));
      long inserted = writeRows(writer, spec, context);
      writer.commit();
      return inserted;
    }
  }

  /** Streams the statement's rows into the writer; returns how many were written. */
  private long writeRows(DeltaWriter writer, InsertSpec spec, DataContext context) {
    if (spec.copy().isPresent()) {
      return copyBatches(writer, spec.copy().get(), context);
    }
    KernelRowConverter converter = new KernelRowConverter(writer.schema(),
        spec.rows().rowType().getFieldList().stream().map(RelDataTypeField::getType).toList(),
        session.timeZone(), spec.safeCast());
    long before = writer.rowCount();
    try (Enumerator<Object> rows = spec.rows().rows(context).enumerator()) {
      while (rows.moveNext()) {
        writer.write(converter.convert(rows.current()));
      }
    }
    return writer.rowCount() - before;
  }

  /**
   * Copies the source table's column batches into the writer (see {@link TableCopy}): the version is
   * the one this execution reads, as for a query.
   */
  private long copyBatches(DeltaWriter writer, TableCopy copy, DataContext context) {
    Snapshot source = copy.source().snapshotFor(context);
    AtomicBoolean cancelFlag = context == null ? null : DataContext.Variable.CANCEL_FLAG.get(context);
    int[] readColumnOf = copy.readColumnOf();
    boolean[] checkNotNull = copy.checkNotNull();
    long before = writer.rowCount();
    try (CloseableIterator<FilteredColumnarBatch> batches = new DeltaScan(session.lake().engine(),
        source, copy.readSchema(), Optional.empty(), new AtomicLong()).open()) {
      while (batches.hasNext()) {
        if (cancelFlag != null && cancelFlag.get()) {
          throw new DeltaScanSource.StatementCancelledException("The statement was cancelled");
        }
        FilteredColumnarBatch batch = batches.next();
        ColumnarBatch data = batch.getData();
        List<ColumnVector> columns = new ArrayList<>(readColumnOf.length);
        for (int i = 0; i < readColumnOf.length; i++) {
          ColumnVector vector = data.getColumnVector(readColumnOf[i]);
          if (checkNotNull[i]) {
            refuseNulls(vector, data.getSize(), batch.getSelectionVector(), writer.schema().at(i));
          }
          columns.add(vector);
        }
        writer.write(columns, data.getSize(), batch.getSelectionVector());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return writer.rowCount() - before;
  }

  private static void refuseNulls(ColumnVector vector, int size, Optional<ColumnVector> selection,
      StructField column) {
    for (int row = 0; row < size; row++) {
      if (vector.isNullAt(row) && (selection.isEmpty()
          || (!selection.get().isNullAt(row) && selection.get().getBoolean(row)))) {
        throw new OneLakeException(OneLakeException.NOT_NULL_VIOLATION,
            "NULL value in column " + column.getName() + " violates its NOT NULL constraint");
      }
    }
  }

  private DeltaWriter open(Snapshot snapshot, boolean blindAppend, TableDefinitionChange change) {
    DeltaWriter writer =
        DeltaWriter.append(session.lake(), snapshot, session.settings().writeOptions(), change);
    // Spark's name and mode; a blind append tells concurrent row-level commits it read nothing (a
    // schema change is not blind).
    writer.label(new CommitLabel("WRITE", Map.of("mode", "Append"), Map.of(),
        blindAppend && change.isEmpty()));
    return writer;
  }

  private boolean hasRows(Snapshot snapshot) {
    return DeltaTableStats.hasRows(session.lake().engine(), snapshot);
  }
}
