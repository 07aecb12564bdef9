/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static java.util.Objects.requireNonNull;

import io.onelake.catalog.ExecutionSnapshots;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The data context of a command, extended with the internal parameters of a query the command runs:
 * Calcite's generated code reads objects it stashed at plan time (e.g. the Delta scans) from there, and
 * Calcite only adds them for the statement it executes itself. Variables the command sets (e.g. the
 * files a DML phase reads) travel the same way.
 */
final class InternalParametersContext implements DataContext {
  private final DataContext delegate;
  private final Map<String, Object> internalParameters;
  private final List<Integer> parameterIndexes;

  /**
   * @param parameterIndexes for the query's i-th {@code ?}, the index of the statement parameter it is
   */
  InternalParametersContext(DataContext delegate, Map<String, Object> internalParameters,
      List<Integer> parameterIndexes) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.internalParameters = Map.copyOf(internalParameters);
    this.parameterIndexes = List.copyOf(parameterIndexes);
  }

  @Override
  public SchemaPlus getRootSchema() {
    return delegate.getRootSchema();
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return delegate.getTypeFactory();
  }

  @Override
  public QueryProvider getQueryProvider() {
    return delegate.getQueryProvider();
  }

  @Override
  public Object get(String name) {
    if (ExecutionSnapshots.EXECUTION_VARIABLE.equals(name)) {
      // The query is part of its command's execution: it reads the same table versions.
      return ExecutionSnapshots.executionOf(delegate);
    }
    if (name.startsWith("?")) {
      // Calcite's generated code asks for "?<i>", the i-th parameter of the query it was made for.
      int index = Integer.parseInt(name.substring(1));
      return delegate.get("?" + parameterIndexes.get(index));
    }
    Object value = internalParameters.get(name);
    return value != null ? value : delegate.get(name);
  }
}
