/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.onelake.OneLakeException;
import io.onelake.catalog.LakehouseCatalog;
import io.onelake.catalog.TableId;
import io.onelake.catalog.TableResolver;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * DROP TABLE [IF EXISTS]: deletes the table's log and data (SPEC §4), only when the session allows
 * destructive operations. The log goes first, so that a drop interrupted halfway leaves loose files
 * but never a half-deleted table that still looks like one.
 */
public final class DropTableExecutor {
  private final Session session;

  public DropTableExecutor(Session session) {
    this.session = requireNonNull(session, "session");
  }

  public long execute(List<String> name, boolean ifExists) {
    Destructive.check(session, "DROP TABLE");
    LakehouseCatalog catalog = session.catalog();
    String schema = TableResolver.schemaOf(catalog, name);
    Optional<TableId> table = catalog.table(schema, name.get(name.size() - 1));
    if (table.isEmpty()) {
      if (ifExists) {
        return 0;
      }
      throw new OneLakeException(OneLakeException.TABLE_NOT_FOUND,
          "Table " + String.join(".", name) + " not found");
    }
    String path = table.get().path();
    try {
      catalog.storage().deleteRecursively(path + "/_delta_log");
      catalog.storage().deleteRecursively(path);
    } catch (IOException e) {
      throw new OneLakeException("08006",
          "DROP TABLE " + table.get().displayName() + " failed: " + e.getMessage(), e);
    } finally {
      catalog.invalidate();
      session.lake().invalidate(path);
    }
    return 0;
  }
}
