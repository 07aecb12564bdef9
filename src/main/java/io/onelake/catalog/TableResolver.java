/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import java.util.List;

/**
 * Resolves a written table name ({@code t}, {@code schema.t} or {@code lakehouse.schema.t}) against the
 * catalog, case-insensitively; unqualified names are in {@code dbo}.
 */
public final class TableResolver {
  private TableResolver() {}

  public static TableId resolve(LakehouseCatalog catalog, List<String> names) {
    String schema = schemaOf(catalog, names);
    String table = names.get(names.size() - 1);
    return catalog.table(schema, table).orElseThrow(() -> new ObjectNotFoundException(
        "Table " + String.join(".", names) + " not found"));
  }

  /** The schema part of a name; unqualified means dbo. */
  public static String schemaOf(LakehouseCatalog catalog, List<String> names) {
    if (names.isEmpty() || names.size() > 3) {
      throw new ObjectNotFoundException("Invalid table name " + String.join(".", names));
    }
    if (names.size() == 3 && !names.get(0).equalsIgnoreCase(catalog.name())) {
      throw new ObjectNotFoundException("Catalog " + names.get(0) + " not found (this connection's "
          + "lakehouse is " + catalog.name() + ")");
    }
    return names.size() == 1 ? LakehouseCatalog.DEFAULT_SCHEMA : names.get(names.size() - 2);
  }

  /** An unknown table, schema or catalog (SQLState 42S02 / 3F000). */
  public static final class ObjectNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ObjectNotFoundException(String message) {
      super(message);
    }
  }
}
