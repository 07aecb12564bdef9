/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.catalog.DeltaTable;

/**
 * An INSERT INTO statement: the target table as the statement pinned it, and the rows to write, already
 * arranged in the table's column order and cast to the column types.
 */
public record InsertSpec(DeltaTable target, QueryRows rows) {
  public InsertSpec {
    requireNonNull(target, "target");
    requireNonNull(rows, "rows");
  }
}
