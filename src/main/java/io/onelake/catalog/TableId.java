/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A table of the lakehouse: its schema, its name (as stored: the folder name) and its location.
 *
 * @param schema the lakehouse schema, e.g. {@code dbo}
 * @param name the table name as its folder spells it
 * @param path the table root URI, as Delta Kernel sees it
 */
public record TableId(String schema, String name, String path) {
  public TableId {
    requireNonNull(schema, "schema");
    requireNonNull(name, "name");
    requireNonNull(path, "path");
  }

  /** {@code schema.name}, for messages. */
  public String displayName() {
    return schema + "." + name;
  }
}
