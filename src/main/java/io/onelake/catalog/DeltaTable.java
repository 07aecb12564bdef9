/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A Delta table as Calcite sees it during one statement. The snapshot is loaded on first use and then
 * pinned, so that every reference to the table in the statement (self-joins, subqueries) reads the same
 * version; a DML executor uses the same snapshot as its read version.
 */
public final class DeltaTable extends AbstractTable implements TranslatableTable {
  private final LakehouseCatalog catalog;
  private final TableId id;
  private final Supplier<Snapshot> snapshot;
  private final boolean timeTravel;
  private volatile Long rowCount;

  private DeltaTable(LakehouseCatalog catalog, TableId id, Supplier<Snapshot> snapshot,
      boolean timeTravel) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.id = requireNonNull(id, "id");
    this.snapshot = requireNonNull(snapshot, "snapshot");
    this.timeTravel = timeTravel;
  }

  /** The latest version, loaded lazily (within the metadata TTL) and then pinned. */
  public static DeltaTable latest(LakehouseCatalog catalog, TableId id) {
    return new DeltaTable(catalog, id, new Memoized<>(() -> catalog.lake()
        .latest(id.path(), catalog.metadataTtl())
        .orElseThrow(() -> new TableNotFoundException(id))), false);
  }

  /** A historical version. */
  static DeltaTable at(LakehouseCatalog catalog, TableId id, Snapshot snapshot) {
    return new DeltaTable(catalog, id, () -> snapshot, true);
  }

  public TableId id() {
    return id;
  }

  public LakehouseCatalog catalog() {
    return catalog;
  }

  public Snapshot snapshot() {
    return snapshot.get();
  }

  public boolean isTimeTravel() {
    return timeTravel;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return DeltaTypes.toRelType(typeFactory, snapshot().getSchema());
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
