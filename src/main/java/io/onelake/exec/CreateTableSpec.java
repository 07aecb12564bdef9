/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.types.StructType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CREATE TABLE statement, already parsed and typed.
 *
 * @param name the table name as written (1 to 3 parts)
 * @param schema the declared columns, or empty for CREATE TABLE ... AS SELECT without a column list
 * @param partitionColumns partition column names
 * @param properties TBLPROPERTIES
 * @param comment the table comment
 * @param ifNotExists IF NOT EXISTS was given
 * @param replace OR REPLACE was given
 * @param query the rows of AS SELECT
 */
public record CreateTableSpec(List<String> name, Optional<StructType> schema, List<String> partitionColumns,
    Map<String, String> properties, Optional<String> comment, boolean ifNotExists, boolean replace,
    Optional<QueryRows> query) {
  public CreateTableSpec {
    name = List.copyOf(name);
    requireNonNull(schema, "schema");
    partitionColumns = List.copyOf(partitionColumns);
    properties = Map.copyOf(properties);
    requireNonNull(comment, "comment");
    requireNonNull(query, "query");
  }
}
