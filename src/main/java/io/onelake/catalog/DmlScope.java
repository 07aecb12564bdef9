/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import org.apache.calcite.DataContext;

/**
 * What the target scan of a DELETE, UPDATE or MERGE reads in one phase of one execution: only the
 * data files named here (by their path in the Delta log), or all live files. DML executors hand it to
 * their internal queries through the {@link #VARIABLE} of the query's DataContext, so a prepared
 * statement carries no per-execution state.
 */
public record DmlScope(Optional<Set<String>> files) {
  /** The DataContext variable that holds the scope. */
  public static final String VARIABLE = "onelake.dmlScope";

  public DmlScope {
    requireNonNull(files, "files");
    files = files.map(Set::copyOf);
  }

  /** Every live file of the table. */
  public static DmlScope allFiles() {
    return new DmlScope(Optional.empty());
  }

  /** Only these files. */
  public static DmlScope onlyFiles(Set<String> paths) {
    return new DmlScope(Optional.of(paths));
  }

  static DmlScope of(DataContext context) {
    Object scope = context == null ? null : context.get(VARIABLE);
    return scope instanceof DmlScope ? (DmlScope) scope : allFiles();
  }
}
