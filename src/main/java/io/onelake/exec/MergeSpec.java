/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.types.StructType;
import io.onelake.catalog.DeltaTable;
import java.util.List;
import java.util.Optional;

/**
 * A MERGE statement as the statement layer prepared it.
 *
 * <p>{@code touchedFiles} yields a data file per target row in scope: the files with a row
 * that matches a source row, or that a NOT MATCHED BY SOURCE clause changes. {@code changes} joins
 * target and source; each of its rows is, in this order: the target row's data file and position (NULL
 * for a source row without a match), the target row's columns, the values of every clause (see
 * {@link Clause#firstValue}), and last the action: the index of the first clause that applies,
 * {@link #KEEP} for a target row no clause changes, {@link #SKIP} for a source row no clause inserts.
 * {@code insertOnly}: no clause changes target rows, so the statement only appends. {@code newSchema}:
 * the table's schema with the source columns that {@code UPDATE SET *} / {@code INSERT *} add under
 * {@code onelake_schema_mode = merge}; the target columns of a changes row are then those of this schema.
 */
public record MergeSpec(DeltaTable target, QueryRows touchedFiles, QueryRows changes,
    List<Clause> clauses, boolean insertOnly, boolean safeCast, String predicate,
    Optional<StructType> newSchema) {
  /** The action of a target row that stays as it is. */
  public static final int KEEP = -1;
  /** The action of a source row that is not inserted. */
  public static final int SKIP = -2;

  public MergeSpec {
    requireNonNull(target, "target");
    requireNonNull(touchedFiles, "touchedFiles");
    requireNonNull(changes, "changes");
    clauses = List.copyOf(clauses);
    requireNonNull(predicate, "predicate");
    requireNonNull(newSchema, "newSchema");
  }

  /** What a clause does with a row. */
  public enum Kind { UPDATE, DELETE, INSERT }

  /**
   * One WHEN clause: what it does, and for UPDATE and INSERT which table columns its values set
   * ({@code columns[i]} is set by the value at {@code firstValue + i} of a changes row).
   */
  public record Clause(Kind kind, int[] columns, int firstValue) {
    public Clause {
      requireNonNull(kind, "kind");
      columns = columns.clone();
    }

    @Override
    public int[] columns() {
      return columns.clone();
    }
  }
}
