/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The rows of a prepared query, as the statement layer hands them to an executor: the row type, and
 * the rows for one execution (one set of parameter values). Rows are {@code Object[]}, or a bare value
 * for a one-column query.
 */
public interface QueryRows {
  RelDataType rowType();

  /** The rows of one execution of the query within the command's execution {@code context}. */
  default Enumerable<Object> rows(DataContext context) {
    return rows(context, Map.of());
  }

  /**
   * The rows, with {@code variables} added to the query's data context (e.g. the
   * {@link io.onelake.catalog.DmlScope} of a DML phase).
   */
  Enumerable<Object> rows(DataContext context, Map<String, Object> variables);
}
