/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import io.onelake.catalog.DeltaTable;
import io.onelake.delta.CommitLabel;
import io.onelake.delta.DeltaWriter;
import io.onelake.delta.WriteOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The rows of an INSERT written while they are still arriving: a JDBC batch of
 * {@code INSERT INTO t VALUES (?, …)} hands each parameter set to the writer at {@code addBatch}, so
 * that Parquet encoding overlaps the application's binding, and commits once at {@code executeBatch}
 * (a blind append, as {@link InsertExecutor} makes it). Until then nothing is visible; {@link #close()}
 * without {@link #commit()} deletes what was written.
 *
 * <p>It is opened only where committing later gives the same result as writing everything at
 * {@code executeBatch}: in auto-commit mode, on a writable connection, with {@code onelake_insert_mode
 * = append}. {@link #stillApplies()} tells whether that is still so when the batch runs; if not, the
 * caller discards the stream and runs the batch the ordinary way.
 */
public final class InsertStream implements AutoCloseable {
  private final Session session;
  private final DeltaTable target;
  private final DeltaWriter writer;
  private final KernelRowConverter converter;
  private final WriteOptions options;

  private InsertStream(Session session, DeltaTable target, DeltaWriter writer,
      KernelRowConverter converter, WriteOptions options) {
    this.session = session;
    this.target = target;
    this.writer = writer;
    this.converter = converter;
    this.options = options;
  }

  /**
   * Opens the stream of an INSERT's rows into its target, or empty where the rows must wait for the
   * batch to run (see the class comment).
   *
   * @param columnTypes the types of the rows' values, in table column order (Calcite representation)
   */
  public static Optional<InsertStream> open(Session session, DeltaTable target,
      List<RelDataType> columnTypes) {
    requireNonNull(session, "session");
    requireNonNull(target, "target");
    requireNonNull(columnTypes, "columnTypes");
    if (!appliesTo(session)) {
      return Optional.empty();
    }
    Snapshot snapshot = TargetVersion.current(session, target);
    WriteOptions options = session.settings().writeOptions();
    DeltaWriter writer = DeltaWriter.append(session.lake(), snapshot, options);
    try {
      // As InsertExecutor labels a blind append of parameter rows.
      writer.label(new CommitLabel("WRITE", Map.of("mode", "Append"), Map.of(), true));
      KernelRowConverter converter =
          new KernelRowConverter(writer.schema(), columnTypes, session.timeZone());
      return Optional.of(new InsertStream(session, target, writer, converter, options));
    } catch (RuntimeException | Error e) {
      writer.close();
      throw e;
    }
  }

  private static boolean appliesTo(Session session) {
    return !session.readOnly() && !session.batch().isActive()
        && "append".equals(session.settings().get(SessionSetting.INSERT_MODE));
  }

  /** Adds one row: values in table column order, Calcite representation, cast to the columns. */
  public void write(Object[] row) {
    writer.write(converter.convert(row));
  }

  /** How many rows were written. */
  public long rowCount() {
    return writer.rowCount();
  }

  /**
   * Whether committing now gives what running the batch now would: the connection is still writable
   * and in auto-commit mode, and the insert mode and the Parquet options are those it was opened with.
   */
  public boolean stillApplies() {
    return appliesTo(session) && options.equals(session.settings().writeOptions());
  }

  /**
   * Writes what is buffered and commits once; returns the number of rows committed. The table is
   * looked up again first, as a batch that runs at {@code executeBatch} does: the rows may have been
   * added over a long time, and a table dropped or redefined meanwhile must not get them (42S02 /
   * 40001).
   */
  public long commit() {
    TargetVersion.current(session, target);
    writer.commit();
    return writer.rowCount();
  }

  /** Deletes what was written unless it was committed. */
  @Override
  public void close() {
    writer.close();
  }
}
