/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.runtime.Bindable;

/**
 * Signatures for statements our executors run. They are DML-typed for Avatica, so that the work happens
 * when the statement is executed (never while it is prepared) and the result is an update count.
 */
public final class CommandSignature {
  /** The column Avatica reads an update count from. */
  private static final String ROWCOUNT = "ROWCOUNT";

  private CommandSignature() {}

  /** A statement that returns an update count. */
  static CalcitePrepare.CalciteSignature<Object> update(String sql, List<AvaticaParameter> parameters,
      CalciteSchema rootSchema, UpdateCommand command) {
    return new Update(sql, parameters, rootSchema, command, null);
  }

  /** A statement that returns an update count and runs a whole JDBC batch in one go. */
  static CalcitePrepare.CalciteSignature<Object> update(String sql, List<AvaticaParameter> parameters,
      CalciteSchema rootSchema, UpdateCommand command, BatchCommand batch) {
    return new Update(sql, parameters, rootSchema, command, batch);
  }

  /** The batch command of a signature, if its statement has one. */
  public static BatchCommand batchCommand(Meta.Signature signature) {
    return signature instanceof Update ? ((Update) signature).batch : null;
  }

  /**
   * The same statement, refused by {@code check} when it is executed (not when it is prepared: a
   * connection may become read-only in between).
   */
  static CalcitePrepare.CalciteSignature<Object> checkedBeforeExecution(
      CalcitePrepare.CalciteSignature<Object> signature, Runnable check) {
    if (!(signature instanceof Update)) {
      return signature;
    }
    Update update = (Update) signature;
    BatchCommand batch = update.batch == null ? null : new CheckedBatch(update.batch, check);
    return new Update(update.sql, update.parameters, update.rootSchema, context -> {
      check.run();
      return update.command.execute(context);
    }, batch);
  }

  /** An update-count signature, optionally with a bulk path for JDBC batches. */
  private static final class Update extends CalcitePrepare.CalciteSignature<Object> {
    private final UpdateCommand command;
    private final BatchCommand batch;

    Update(String sql, List<AvaticaParameter> parameters, CalciteSchema rootSchema,
        UpdateCommand command, BatchCommand batch) {
      super(sql, parameters, Map.of(), null, ROWCOUNT_COLUMNS, Meta.CursorFactory.deduce(ROWCOUNT_COLUMNS, null),
          rootSchema, List.of(), -1, context -> Linq4j.singletonEnumerable(command.execute(context)),
          Meta.StatementType.IS_DML);
      this.command = command;
      this.batch = batch;
    }
  }

  private static final List<ColumnMetaData> ROWCOUNT_COLUMNS =
      List.of(MetaImpl.columnMetaData(ROWCOUNT, 0, Long.class, false));

  /** A statement that returns rows of strings (SHOW ...). */
  static CalcitePrepare.CalciteSignature<Object> rows(String sql, CalciteSchema rootSchema,
      List<String> columnNames, RowsCommand command) {
    List<ColumnMetaData> columns = new ArrayList<>();
    for (int i = 0; i < columnNames.size(); i++) {
      columns.add(MetaImpl.columnMetaData(columnNames.get(i), i, String.class, true));
    }
    Bindable<Object> bindable = context -> Linq4j.asEnumerable(new ArrayList<Object>(command.rows(context)));
    return new CalcitePrepare.CalciteSignature<>(sql, List.of(), Map.of(), null, columns,
        Meta.CursorFactory.ARRAY, rootSchema, List.of(), -1, bindable, Meta.StatementType.SELECT);
  }

  /** Work that yields an update count. */
  @FunctionalInterface
  interface UpdateCommand {
    long execute(DataContext context);
  }

  /** Work that runs every parameter set of a JDBC batch at once; returns one update count each. */
  @FunctionalInterface
  public interface BatchCommand {
    long[] execute(List<List<TypedValue>> parameterSets);

    /**
     * Starts writing the next batch as its parameter sets are added, or empty where they must wait
     * for the batch to run. May fail; then the batch runs with {@link #execute}.
     */
    default Optional<BatchStream> stream() {
      return Optional.empty();
    }
  }

  /** A batch command refused by {@code check} when it runs; a stream of it is checked before commit. */
  private static final class CheckedBatch implements BatchCommand {
    private final BatchCommand delegate;
    private final Runnable check;

    CheckedBatch(BatchCommand delegate, Runnable check) {
      this.delegate = delegate;
      this.check = check;
    }

    @Override
    public long[] execute(List<List<TypedValue>> parameterSets) {
      check.run();
      return delegate.execute(parameterSets);
    }

    @Override
    public Optional<BatchStream> stream() {
      check.run();
      return delegate.stream().map(stream -> new CheckedStream(stream, check));
    }
  }

  /** A batch stream whose commit is refused by {@code check} (the batch then runs and reports it). */
  private static final class CheckedStream implements BatchStream {
    private final BatchStream delegate;
    private final Runnable check;

    CheckedStream(BatchStream delegate, Runnable check) {
      this.delegate = delegate;
      this.check = check;
    }

    @Override
    public void add(List<TypedValue> parameters) {
      delegate.add(parameters);
    }

    @Override
    public boolean stillApplies(int parameterSets) {
      try {
        check.run();
      } catch (RuntimeException refused) {
        return false;
      }
      return delegate.stillApplies(parameterSets);
    }

    @Override
    public long[] commit() {
      return delegate.commit();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** Work that yields rows. */
  @FunctionalInterface
  interface RowsCommand {
    List<Object[]> rows(DataContext context);
  }
}
