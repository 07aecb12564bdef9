/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.catalog.DeltaTable;

/**
 * An INSERT statement: the target table as the statement pinned it, the rows to write (already arranged
 * in the table's column order and cast to the column types), and whether they replace the table's rows
 * (INSERT OVERWRITE).
 */
public record InsertSpec(DeltaTable target, QueryRows rows, boolean overwrite) {
  public InsertSpec {
    requireNonNull(target, "target");
    requireNonNull(rows, "rows");
  }
}
