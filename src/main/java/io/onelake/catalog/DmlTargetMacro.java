/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;

/**
 * {@code ONELAKE_DML_TARGET('schema.table')}: the target table of a DELETE, UPDATE or MERGE with two
 * more columns that identify each row, {@link DeltaTable#FILE_COLUMN} and
 * {@link DeltaTable#ROW_INDEX_COLUMN}. Only the driver's internal queries use it, so a user's
 * {@code SELECT *} never shows those columns; it is a table function because a name the schema does
 * not list cannot be resolved, and a listed one would appear in the JDBC metadata.
 */
public final class DmlTargetMacro implements TableMacro {
  public static final String NAME = "ONELAKE_DML_TARGET";

  private final LakehouseCatalog catalog;

  public DmlTargetMacro(LakehouseCatalog catalog) {
    this.catalog = requireNonNull(catalog, "catalog");
  }

  @Override
  public TranslatableTable apply(List<?> arguments) {
    List<String> names = TableNames.decode(String.valueOf(arguments.get(0)));
    return DeltaTable.dmlTarget(catalog, TableResolver.resolve(catalog, names));
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return List.of(new MacroParameter(0, "TABLE_NAME", String.class));
  }
}
