/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.catalog.DeltaTable;

/**
 * An UPDATE statement as the statement layer prepared it: the target; a query of the data file of
 * each row to update; and a query over a file's rows that yields, in this order, the new values of the
 * SET columns (already cast to the column types), whether the row is updated (BOOLEAN), and the row's
 * current columns. {@code setColumns[i]} is the table column of the i-th new value.
 */
public record UpdateSpec(DeltaTable target, QueryRows updatedPerFile, QueryRows rewrite,
    int[] setColumns, boolean safeCast, String predicate) {
  public UpdateSpec {
    requireNonNull(target, "target");
    requireNonNull(updatedPerFile, "updatedPerFile");
    requireNonNull(rewrite, "rewrite");
    setColumns = setColumns.clone();
    requireNonNull(predicate, "predicate");
  }

  @Override
  public int[] setColumns() {
    return setColumns.clone();
  }
}
