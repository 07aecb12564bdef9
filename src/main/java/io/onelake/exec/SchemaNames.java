/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import io.onelake.OneLakeException;
import io.onelake.catalog.LakehouseCatalog;
import java.util.List;

/** The schema named by {@code schema} or {@code lakehouse.schema}. */
final class SchemaNames {
  /** Duplicate schema. */
  static final String SCHEMA_EXISTS = "42P06";

  private SchemaNames() {}

  static String schema(LakehouseCatalog catalog, List<String> name) {
    if (name.size() == 2 && name.get(0).equalsIgnoreCase(catalog.name())) {
      return name.get(1);
    }
    if (name.size() != 1) {
      throw new OneLakeException(OneLakeException.SCHEMA_NOT_FOUND,
          "Invalid schema name " + String.join(".", name) + " (this connection's lakehouse is "
              + catalog.name() + ")");
    }
    return name.get(0);
  }
}
