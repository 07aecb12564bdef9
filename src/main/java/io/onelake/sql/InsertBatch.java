/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static java.util.Objects.requireNonNull;

import io.onelake.catalog.DeltaTable;
import io.onelake.exec.InsertExecutor;
import io.onelake.exec.InsertSpec;
import io.onelake.exec.InsertStream;
import io.onelake.exec.QueryRows;
import io.onelake.exec.Session;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * The bulk path of {@code INSERT INTO t [(columns)] VALUES (?, ?, …)} batches: the parameter sets
 * become rows of one write directly, instead of one Calcite execution per set. In auto-commit mode
 * the rows are written as the application adds them ({@link #stream()}); otherwise, or when that is
 * not possible, all at once when the batch runs ({@link #execute}).
 */
final class InsertBatch implements CommandSignature.BatchCommand {
  private final Session session;
  private final DeltaTable target;
  private final ParameterRows rows;

  InsertBatch(Session session, DeltaTable target, ParameterRows rows) {
    this.session = requireNonNull(session, "session");
    this.target = requireNonNull(target, "target");
    this.rows = requireNonNull(rows, "rows");
  }

  @Override
  public long[] execute(List<List<TypedValue>> parameterSets) {
    QueryRows queryRows = new QueryRows() {
      @Override
      public RelDataType rowType() {
        return rows.rowType();
      }

      @Override
      public Enumerable<Object> rows(DataContext ignored, Map<String, Object> variables) {
        return Linq4j.asEnumerable(parameterSets).select(rows::row);
      }
    };
    long inserted = new InsertExecutor(session)
        .execute(new InsertSpec(target, queryRows, false, false, true), null);
    return updateCounts(parameterSets.size(), inserted);
  }

  @Override
  public Optional<BatchStream> stream() {
    List<RelDataType> columnTypes =
        rows.rowType().getFieldList().stream().map(RelDataTypeField::getType).toList();
    return InsertStream.open(session, target, columnTypes).map(Stream::new);
  }

  /** One per parameter set: each inserted its row (the write is all or nothing). */
  private static long[] updateCounts(int parameterSets, long inserted) {
    long[] counts = new long[parameterSets];
    Arrays.fill(counts, inserted == parameterSets ? 1 : 0);
    return counts;
  }

  /** Parameter sets converted to rows and handed to the open write. */
  private final class Stream implements BatchStream {
    private final InsertStream insert;

    Stream(InsertStream insert) {
      this.insert = insert;
    }

    @Override
    public void add(List<TypedValue> parameters) {
      insert.write(rows.row(parameters));
    }

    @Override
    public boolean stillApplies(int parameterSets) {
      return insert.rowCount() == parameterSets && insert.stillApplies();
    }

    @Override
    public long[] commit() {
      return updateCounts((int) insert.rowCount(), insert.commit());
    }

    @Override
    public void close() {
      insert.close();
    }
  }
}
