/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A Delta table as Calcite sees it in one statement. The statement is planned with the version loaded
 * on first use; each execution reads one version per table, current when it runs and shared by every
 * reference to the table in that execution (self-joins, subqueries, the phases of a DML statement).
 */
public final class DeltaTable extends AbstractTable implements TranslatableTable {
  /** The data file of a row, as the Delta log names it; only in DML targets. */
  public static final String FILE_COLUMN = "__onelake_file";
  /** The position of a row in its data file; only in DML targets. */
  public static final String ROW_INDEX_COLUMN = "__onelake_row_index";

  private final LakehouseCatalog catalog;
  private final TableId id;
  private final Supplier<Snapshot> snapshot;
  private final boolean timeTravel;
  private final boolean rowIdentity;
  private volatile Long rowCount;

  private DeltaTable(LakehouseCatalog catalog, TableId id, Supplier<Snapshot> snapshot,
      boolean timeTravel, boolean rowIdentity) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.id = requireNonNull(id, "id");
    this.snapshot = requireNonNull(snapshot, "snapshot");
    this.timeTravel = timeTravel;
    this.rowIdentity = rowIdentity;
  }

  /**
   * The latest version. The statement is planned with the version current when it is prepared; each
   * execution reads the version current when it runs (see {@link #snapshotFor}).
   */
  public static DeltaTable latest(LakehouseCatalog catalog, TableId id) {
    return new DeltaTable(catalog, id, new Memoized<>(() -> load(catalog, id)), false, false);
  }

  /** The target of a DML statement: the latest version plus the row identity columns. */
  static DeltaTable dmlTarget(LakehouseCatalog catalog, TableId id) {
    return new DeltaTable(catalog, id, new Memoized<>(() -> load(catalog, id)), false, true);
  }

  /** A historical version. */
  static DeltaTable at(LakehouseCatalog catalog, TableId id, Snapshot snapshot) {
    return new DeltaTable(catalog, id, () -> snapshot, true, false);
  }

  private static Snapshot load(LakehouseCatalog catalog, TableId id) {
    return catalog.lake().latest(id.path(), catalog.metadataTtl())
        .orElseThrow(() -> new TableNotFoundException(id));
  }

  public TableId id() {
    return id;
  }

  public LakehouseCatalog catalog() {
    return catalog;
  }

  /** The version the statement was planned with. */
  public Snapshot snapshot() {
    return snapshot.get();
  }

  /**
   * The version one execution reads: a time-travel version as is; otherwise the version current when
   * the execution first touches the table, the same for all its references. Its definition must be
   * the one the statement was planned with.
   */
  public Snapshot snapshotFor(DataContext context) {
    Snapshot planned = snapshot();
    if (timeTravel || context == null) {
      return planned;
    }
    Snapshot current = catalog.executionSnapshots().pin(context, planned.getPath(),
        () -> load(catalog, id));
    if (current != planned && (!current.getSchema().equals(planned.getSchema())
        || !current.getPartitionColumnNames().equals(planned.getPartitionColumnNames()))) {
      throw new DefinitionChangedException(id, planned.getVersion(), current.getVersion());
    }
    return current;
  }

  /** Whether rows carry {@link #FILE_COLUMN} and {@link #ROW_INDEX_COLUMN} after the table columns. */
  public boolean hasRowIdentity() {
    return rowIdentity;
  }

  public boolean isTimeTravel() {
    return timeTravel;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataType columns = DeltaTypes.toRelType(typeFactory, snapshot().getSchema());
    if (!rowIdentity) {
      return columns;
    }
    return typeFactory.builder()
        .addAll(columns.getFieldList())
        .add(FILE_COLUMN, SqlTypeName.VARCHAR)
        .add(ROW_INDEX_COLUMN, SqlTypeName.BIGINT)
        .build();
  }

  @Override
  public Statistic getStatistic() {
    Long count = rowCount;
    if (count == null) {
      count = catalog.lake().rowCount(snapshot()).orElse(-1L);
      rowCount = count;
    }
    return count >= 0 ? Statistics.of(count, List.of()) : Statistics.UNKNOWN;
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.TABLE;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return DeltaTableScan.create(context.getCluster(), relOptTable, this);
  }

  @Override
  public String toString() {
    return "DeltaTable[" + id.displayName() + "]";
  }

  /** Thrown when a listed table disappears before it is read. */
  public static final class TableNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TableNotFoundException(TableId id) {
      super("Table " + id.displayName() + " not found (it may have been dropped)");
    }
  }

  /**
   * Thrown when a table's columns or partitioning changed between planning and execution: the plan no
   * longer fits the table (SQLState 40001, prepare again).
   */
  public static final class DefinitionChangedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DefinitionChangedException(TableId id, long planned, long current) {
      super("Table " + id.displayName() + " changed its definition (version " + current
          + ") after the statement was prepared (version " + planned + "); prepare the statement again");
    }
  }

  /** A thread-safe lazy value. */
  private static final class Memoized<T> implements Supplier<T> {
    private final Supplier<T> loader;
    private volatile T value;

    Memoized(Supplier<T> loader) {
      this.loader = loader;
    }

    @Override
    public T get() {
      T result = value;
      if (result == null) {
        synchronized (this) {
          result = value;
          if (result == null) {
            result = loader.get();
            value = result;
          }
        }
      }
      return result;
    }
  }
}
