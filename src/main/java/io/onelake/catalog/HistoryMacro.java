/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;

/**
 * {@code ONELAKE_HISTORY('schema.table')}, what {@code DESCRIBE HISTORY t} is parsed into: one row per
 * commit still in the table's log, with the columns of Delta's DESCRIBE HISTORY that the log records
 * (version, timestamp in the session time zone, operation, its parameters and metrics, whether it was
 * a blind append, and the writing engine). A table function, so that it plans like any query.
 */
public final class HistoryMacro implements TableMacro {
  public static final String NAME = "ONELAKE_HISTORY";

  private final LakehouseCatalog catalog;
  private final Supplier<ZoneId> sessionZone;

  public HistoryMacro(LakehouseCatalog catalog, Supplier<ZoneId> sessionZone) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.sessionZone = requireNonNull(sessionZone, "sessionZone");
  }

  @Override
  public TranslatableTable apply(List<?> arguments) {
    TableId id = TableResolver.resolve(catalog, TableNames.decode(String.valueOf(arguments.get(0))));
    return new HistoryTable(DeltaTable.latest(catalog, id), sessionZone);
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return List.of(new MacroParameter(0, "TABLE_NAME", String.class));
  }
}
