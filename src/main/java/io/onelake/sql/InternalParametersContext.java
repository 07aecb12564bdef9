/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The data context of a command, extended with the internal parameters of a query the command runs:
 * Calcite's generated code reads objects it stashed at plan time (e.g. the Delta scans) from there, and
 * Calcite only adds them for the statement it executes itself.
 */
final class InternalParametersContext implements DataContext {
  private final DataContext delegate;
  private final Map<String, Object> internalParameters;

  InternalParametersContext(DataContext delegate, Map<String, Object> internalParameters) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.internalParameters = Map.copyOf(internalParameters);
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
    Object value = internalParameters.get(name);
    return value != null ? value : delegate.get(name);
  }
}
