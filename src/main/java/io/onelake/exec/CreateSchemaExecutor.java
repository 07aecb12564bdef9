/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.OneLakeException;
import io.onelake.catalog.LakehouseCatalog;
import java.io.IOException;
import java.util.List;

/** CREATE SCHEMA [IF NOT EXISTS]: a schema folder {@code Tables/<schema>} (SPEC §2). */
public final class CreateSchemaExecutor {
  private final Session session;

  public CreateSchemaExecutor(Session session) {
    this.session = requireNonNull(session, "session");
  }

  public long execute(List<String> name, boolean ifNotExists) {
    LakehouseCatalog catalog = session.catalog();
    String schema = SchemaNames.schema(catalog, name);
    if (catalog.schema(schema).isPresent()) {
      if (ifNotExists) {
        return 0;
      }
      throw new OneLakeException(SchemaNames.SCHEMA_EXISTS, "Schema " + schema + " already exists");
    }
    if (catalog.table(LakehouseCatalog.DEFAULT_SCHEMA, schema).isPresent()) {
      throw new OneLakeException(SchemaNames.SCHEMA_EXISTS, "Cannot create schema " + schema
          + ": a table of schema dbo has that folder (Tables/" + schema + ")");
    }
    try {
      catalog.storage().createDirectory(catalog.schemaPath(schema));
    } catch (IOException e) {
      throw new OneLakeException("08006", "CREATE SCHEMA " + schema + " failed: " + e.getMessage(), e);
    } finally {
      catalog.invalidate();
    }
    return 0;
  }
}
