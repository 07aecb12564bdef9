/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.OneLakeException;
import io.onelake.catalog.LakehouseCatalog;
import io.onelake.catalog.TableId;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * DROP SCHEMA [IF EXISTS] s [RESTRICT | CASCADE]: removes a schema folder, only when the session allows
 * destructive operations. RESTRICT (the default, as in Spark) refuses a schema that still has tables;
 * CASCADE drops them too. The default schema dbo cannot be dropped.
 */
public final class DropSchemaExecutor {
  /** Dependent objects still exist. */
  static final String NOT_EMPTY = "2BP01";

  private final Session session;

  public DropSchemaExecutor(Session session) {
    this.session = requireNonNull(session, "session");
  }

  public long execute(List<String> name, boolean ifExists, boolean cascade) {
    Destructive.check(session, "DROP SCHEMA");
    LakehouseCatalog catalog = session.catalog();
    String requested = SchemaNames.schema(catalog, name);
    if (requested.equalsIgnoreCase(LakehouseCatalog.DEFAULT_SCHEMA)) {
      throw new OneLakeException(OneLakeException.FEATURE_NOT_SUPPORTED,
          "The default schema dbo cannot be dropped");
    }
    Optional<String> schema = catalog.schema(requested);
    if (schema.isEmpty()) {
      if (ifExists) {
        return 0;
      }
      throw new OneLakeException(OneLakeException.SCHEMA_NOT_FOUND, "Schema " + requested + " not found");
    }
    List<TableId> tables = catalog.tables(schema.get());
    if (!tables.isEmpty() && !cascade) {
      throw new OneLakeException(NOT_EMPTY, "Schema " + schema.get() + " still has " + tables.size()
          + " table(s); drop them first or use DROP SCHEMA ... CASCADE");
    }
    try {
      for (TableId table : tables) {
        catalog.storage().deleteRecursively(table.path() + "/_delta_log");
        session.lake().invalidate(table.path());
      }
      catalog.storage().deleteRecursively(catalog.schemaPath(schema.get()));
    } catch (IOException e) {
      throw new OneLakeException("08006", "DROP SCHEMA " + schema.get() + " failed: " + e.getMessage(), e);
    } finally {
      catalog.invalidate();
    }
    return 0;
  }
}
