/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.catalog.DeltaTable;

/**
 * INSERT INTO t REPLACE WHERE p SELECT ... as the statement layer prepared it: a query of the data
 * file of each row matching {@code p}; the surviving rows of a file (table columns); and the new
 * rows, in table column order and cast, each followed by whether it matches {@code p} (BOOLEAN); and
 * whether values that do not fit become NULL (onelake_safe_cast).
 */
public record ReplaceWhereSpec(DeltaTable target, QueryRows replacedPerFile, QueryRows survivors,
    QueryRows newRows, boolean safeCast, String predicate) {
  public ReplaceWhereSpec {
    requireNonNull(target, "target");
    requireNonNull(replacedPerFile, "replacedPerFile");
    requireNonNull(survivors, "survivors");
    requireNonNull(newRows, "newRows");
    requireNonNull(predicate, "predicate");
  }
}
