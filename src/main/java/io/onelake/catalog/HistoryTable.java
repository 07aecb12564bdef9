/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import io.onelake.delta.CommitHistory;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The commit history of one table as rows (see {@link HistoryMacro}); the log is read when the
 * statement executes, at the version the execution reads.
 */
public final class HistoryTable extends AbstractTable implements TranslatableTable {
  private final DeltaTable table;
  private final Supplier<ZoneId> sessionZone;

  HistoryTable(DeltaTable table, Supplier<ZoneId> sessionZone) {
    this.table = requireNonNull(table, "table");
    this.sessionZone = requireNonNull(sessionZone, "sessionZone");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory factory) {
    RelDataType text = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), true);
    RelDataType map = factory.createMapType(factory.createSqlType(SqlTypeName.VARCHAR), text);
    return factory.builder()
        .add("version", SqlTypeName.BIGINT)
        .add("timestamp", SqlTypeName.TIMESTAMP, 3)
        .add("operation", text)
        .add("operationParameters", map)
        .add("isBlindAppend", factory.createTypeWithNullability(
            factory.createSqlType(SqlTypeName.BOOLEAN), true))
        .add("operationMetrics", map)
        .add("engineInfo", text)
        .build();
  }

  /** The rows, oldest commit first; called by the generated code of {@link Scan}. */
  public Enumerable<Object[]> rows(DataContext context) {
    Snapshot snapshot = table.snapshotFor(context);
    ZoneId zone = sessionZone.get();
    List<Object[]> rows = new ArrayList<>();
    for (CommitHistory.Entry entry : CommitHistory.read(table.catalog().lake(), snapshot)) {
      rows.add(new Object[] {entry.version(),
          SessionTime.toWallClockMillis(entry.timestampMillis(), zone), entry.operation(),
          entry.operationParameters(), entry.blindAppend(), entry.operationMetrics(),
          entry.engineInfo()});
    }
    return Linq4j.asEnumerable(rows);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelOptCluster cluster = context.getCluster();
    return new Scan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), relOptTable, this);
  }

  /** The physical scan of a history table. */
  static final class Scan extends TableScan implements EnumerableRel {
    private final HistoryTable history;

    Scan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, HistoryTable history) {
      super(cluster, traits, List.of(), table);
      this.history = history;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
      return new Scan(getCluster(), traitSet, getTable(), history);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
      PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
      return implementor.result(physType, Blocks.toBlock(Expressions.call(
          implementor.stash(history, HistoryTable.class), "rows", implementor.getRootExpression())));
    }
  }
}
