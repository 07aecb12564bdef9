/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;

/**
 * A required, Java-typed parameter of our table macros: Calcite hands literal arguments to a table
 * macro only for Java types.
 */
final class MacroParameter implements FunctionParameter {
  private final int ordinal;
  private final String name;
  private final Class<?> type;

  MacroParameter(int ordinal, String name, Class<?> type) {
    this.ordinal = ordinal;
    this.name = requireNonNull(name, "name");
    this.type = requireNonNull(type, "type");
  }

  @Override
  public int getOrdinal() {
    return ordinal;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public RelDataType getType(RelDataTypeFactory typeFactory) {
    return ((JavaTypeFactory) typeFactory).createType(type);
  }

  @Override
  public boolean isOptional() {
    return false;
  }
}
