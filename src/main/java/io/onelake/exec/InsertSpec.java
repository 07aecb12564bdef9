/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.types.StructType;
import io.onelake.catalog.DeltaTable;
import java.util.Optional;

/**
 * An INSERT statement: the target table as the statement pinned it, the rows to write (already arranged
 * in the table's column order and cast to the column types), whether they replace the table's rows
 * (INSERT OVERWRITE), and whether values that do not fit become NULL (onelake_safe_cast when the
 * statement was prepared), and whether the rows come from VALUES or parameters alone (a blind append:
 * it read no table, so it never conflicts with a concurrent DELETE, UPDATE or MERGE), the schema the
 * table gets with the rows when {@code onelake_schema_mode} changes it, and, when the rows are another
 * table's columns unchanged, {@code copy}: which, so that the executor copies column batches instead
 * of running {@code rows}.
 */
public record InsertSpec(DeltaTable target, QueryRows rows, boolean overwrite, boolean safeCast,
    boolean blindAppend, Optional<StructType> newSchema, Optional<TableCopy> copy) {
  public InsertSpec {
    requireNonNull(target, "target");
    requireNonNull(rows, "rows");
    requireNonNull(newSchema, "newSchema");
    requireNonNull(copy, "copy");
  }

  /** An INSERT that keeps the schema and runs its rows query. */
  public InsertSpec(DeltaTable target, QueryRows rows, boolean overwrite, boolean safeCast,
      boolean blindAppend) {
    this(target, rows, overwrite, safeCast, blindAppend, Optional.empty(), Optional.empty());
  }
}
