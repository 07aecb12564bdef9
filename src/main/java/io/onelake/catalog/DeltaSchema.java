/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaVersion;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * One schema of the lakehouse ({@code dbo}, ...) as a Calcite schema. Calcite takes a snapshot of the
 * schema tree for every statement; each snapshot is a fresh instance, so its tables (and the Delta
 * versions they pin) belong to one statement.
 */
public final class DeltaSchema extends AbstractSchema {
  private final LakehouseCatalog catalog;
  private final String name;
  private volatile Map<String, Table> tables;

  DeltaSchema(LakehouseCatalog catalog, String name) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.name = requireNonNull(name, "name");
  }

  public String name() {
    return name;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> result = tables;
    if (result == null) {
      result = new LinkedHashMap<>();
      for (TableId id : catalog.tables(name)) {
        // Cheap: the Delta log is read only when the statement touches the table.
        result.put(id.name(), DeltaTable.latest(catalog, id));
      }
      tables = result;
    }
    return result;
  }

  @Override
  public boolean isMutable() {
    return true;
  }

  @Override
  public Schema snapshot(SchemaVersion version) {
    return new DeltaSchema(catalog, name);
  }
}
