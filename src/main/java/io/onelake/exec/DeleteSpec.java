/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.catalog.DeltaTable;

/**
 * A DELETE statement as the statement layer prepared it: the target; a query of the data file of each
 * row to delete; a query of the table's columns for the rows of a file that
 * survive; and the condition's text for the table history.
 */
public record DeleteSpec(DeltaTable target, QueryRows deletedPerFile, QueryRows survivors,
    String predicate) {
  public DeleteSpec {
    requireNonNull(target, "target");
    requireNonNull(deletedPerFile, "deletedPerFile");
    requireNonNull(survivors, "survivors");
    requireNonNull(predicate, "predicate");
  }
}
