/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;
import org.apache.calcite.util.mapping.Mappings;

/**
 * The physical scan of a Delta table: reads only the projected columns and hands the pushed filter to
 * Kernel for partition pruning and min/max file skipping. The filter stays in the plan above the scan
 * as well, because skipping is per file and rows must still be filtered one by one.
 */
public final class DeltaTableScan extends TableScan implements EnumerableRel {
  private final DeltaTable deltaTable;
  private final int[] projects;
  private final Predicate filter;
  private final Long limit;
  private final List<TimestampCondition> timestampConditions;

  private DeltaTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      DeltaTable deltaTable, int[] projects, Predicate filter, Long limit,
      List<TimestampCondition> timestampConditions) {
    super(cluster, traits, List.of(), table);
    this.deltaTable = requireNonNull(deltaTable, "deltaTable");
    this.projects = projects;
    this.filter = filter;
    this.limit = limit;
    this.timestampConditions = List.copyOf(timestampConditions);
  }

  static DeltaTableScan create(RelOptCluster cluster, RelOptTable table, DeltaTable deltaTable) {
    return new DeltaTableScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), table,
        deltaTable, null, null, null, List.of());
  }

  /**
   * Reads only these columns of the scan's output ({@code mapping}: old position to new one, which
   * its timestamp conditions follow).
   */
  DeltaTableScan withProjects(int[] newProjects, Mappings.TargetMapping mapping) {
    List<TimestampCondition> conditions = new ArrayList<>();
    for (TimestampCondition condition : timestampConditions) {
      conditions.add(condition.withColumn(mapping.getTarget(condition.column())));
    }
    int[] tableOrdinals = new int[newProjects.length];
    int[] current = columnOrdinals();
    for (int i = 0; i < newProjects.length; i++) {
      tableOrdinals[i] = current[newProjects[i]];
    }
    return new DeltaTableScan(getCluster(), getTraitSet(), getTable(), deltaTable, tableOrdinals, filter,
        limit, conditions);
  }

  /** The columns (of the scan's output) that its timestamp conditions read. */
  ImmutableBitSet timestampConditionColumns() {
    ImmutableBitSet.Builder columns = ImmutableBitSet.builder();
    for (TimestampCondition condition : timestampConditions) {
      columns.set(condition.column());
    }
    return columns.build();
  }

  DeltaTableScan withFilter(Predicate newFilter) {
    return new DeltaTableScan(getCluster(), getTraitSet(), getTable(), deltaTable, projects, newFilter,
        limit, timestampConditions);
  }

  /** At most this many rows are needed (a LIMIT directly above the scan, with no filter between). */
  DeltaTableScan withLimit(long rows) {
    return new DeltaTableScan(getCluster(), getTraitSet(), getTable(), deltaTable, projects, filter, rows,
        timestampConditions);
  }

  /** Only rows that satisfy the conditions (with microseconds) are produced. */
  DeltaTableScan withTimestampConditions(List<TimestampCondition> conditions) {
    return new DeltaTableScan(getCluster(), getTraitSet(), getTable(), deltaTable, projects, filter, limit,
        conditions);
  }

  boolean hasTimestampConditions() {
    return !timestampConditions.isEmpty();
  }

  boolean hasLimit() {
    return limit != null;
  }

  public DeltaTable deltaTable() {
    return deltaTable;
  }

  boolean hasProjects() {
    return projects != null;
  }

  boolean hasFilter() {
    return filter != null;
  }

  /** Ordinals of the table columns this scan produces, in order. */
  int[] columnOrdinals() {
    if (projects != null) {
      return projects.clone();
    }
    int[] all = new int[table.getRowType().getFieldCount()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new DeltaTableScan(getCluster(), traitSet, getTable(), deltaTable, projects, filter, limit,
        timestampConditions);
  }

  @Override
  public RelDataType deriveRowType() {
    if (projects == null) {
      return table.getRowType();
    }
    List<RelDataTypeField> fields = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
    for (int ordinal : projects) {
      builder.add(fields.get(ordinal));
    }
    return builder.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .itemIf("projects", projects == null ? null : ImmutableIntList.of(projects), projects != null)
        .itemIf("filter", filter, filter != null)
        .itemIf("timestampConditions", timestampConditions, !timestampConditions.isEmpty())
        .itemIf("limit", limit, limit != null);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    RelOptCost cost = super.computeSelfCost(planner, mq);
    if (cost == null) {
      return null;
    }
    // Fewer columns and a pushed filter read less; make the planner prefer them.
    double columnFactor = (double) getRowType().getFieldCount()
        / Math.max(1, table.getRowType().getFieldCount());
    double filterFactor = (filter == null ? 1.0 : 0.5) * (timestampConditions.isEmpty() ? 1.0 : 0.5);
    double limitFactor = limit == null ? 1.0 : 0.5;
    return cost.multiplyBy(0.1 + 0.9 * columnFactor * filterFactor * limitFactor);
  }

  @Override
  public void register(RelOptPlanner planner) {
    planner.addRule(DeltaScanRules.PROJECT);
    planner.addRule(DeltaScanRules.FILTER);
    planner.addRule(DeltaScanRules.LIMIT);
    if (deltaTable.hasRowIdentity()) {
      // The phases of a MERGE join the whole target with the source. A merge join would sort all of
      // the target in memory; a hash join builds its right input and streams its left one, and the
      // target is the left input as written. Calcite's cost model prefers the smaller input on the
      // left, so join commuting is off too: it would build the hash table over the target.
      planner.removeRule(EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE);
      planner.removeRule(CoreRules.JOIN_COMMUTE);
      planner.removeRule(CoreRules.JOIN_COMMUTE_OUTER);
    }
  }

  /** A partition column (its values come from the log, not the data files), else the first column. */
  static int cheapestColumn(DeltaTable table) {
    StructType schema = table.snapshot().getSchema();
    for (String partitionColumn : table.snapshot().getPartitionColumnNames()) {
      for (int i = 0; i < schema.length(); i++) {
        if (schema.at(i).getName().equalsIgnoreCase(partitionColumn)) {
          return i;
        }
      }
    }
    return 0;
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // One column travels as a bare value, several as Object[] (what Calcite expects of each format).
    JavaRowFormat format = JavaRowFormat.ARRAY.optimize(getRowType());
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), format);
    StructType tableSchema = deltaTable.snapshot().getSchema();
    int[] ordinals = columnOrdinals();
    List<RelDataTypeField> fields = getRowType().getFieldList();
    List<StructField> readFields = new ArrayList<>();
    List<Boolean> readMicros = new ArrayList<>();
    int[] outputs = new int[ordinals.length];
    for (int i = 0; i < ordinals.length; i++) {
      int ordinal = ordinals[i];
      if (ordinal < tableSchema.length()) {
        outputs[i] = readFields.size();
        readFields.add(tableSchema.at(ordinal));
        readMicros.add(MicrosTimestampTypes.isMicrosTimestamp(fields.get(i).getType()));
      } else {
        outputs[i] = ordinal == tableSchema.length() ? DeltaScanSource.FILE : DeltaScanSource.ROW_INDEX;
      }
    }
    if (readFields.isEmpty()) {
      // Only row identities are wanted; Kernel still needs a column to count rows by.
      readFields.add(tableSchema.at(cheapestColumn(deltaTable)));
      readMicros.add(false);
    }
    boolean[] microsTimestamps = new boolean[readMicros.size()];
    for (int i = 0; i < microsTimestamps.length; i++) {
      microsTimestamps[i] = readMicros.get(i);
    }
    DeltaScanSource source = new DeltaScanSource(deltaTable, new StructType(readFields), outputs,
        Optional.ofNullable(filter), format == JavaRowFormat.SCALAR, limit == null ? Long.MAX_VALUE : limit,
        microsTimestamps, timestampConditions);
    Expression sourceExpression = implementor.stash(source, DeltaScanSource.class);
    Expression enumerable = Expressions.call(sourceExpression, "bind",
        implementor.getRootExpression());
    return implementor.result(physType, Blocks.toBlock(enumerable));
  }
}
