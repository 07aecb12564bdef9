/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.internal.actions.Metadata;
import io.delta.kernel.internal.util.SchemaUtils;
import io.delta.kernel.types.StructType;
import java.util.Optional;

/**
 * A change of a table's definition committed together with the rows of a statement: a new schema
 * (columns added by schema evolution, or replaced by an overwrite) and/or a new description (the table
 * COMMENT). Kernel 4.4 changes schemas only on column-mapped tables and cannot set a description at
 * all, while Delta allows both on any table; the driver writes them into the commit's
 * {@code metaData} action itself (see {@link CommitRewritingEngine}).
 *
 * @param schema the table's new logical schema, if it changes
 * @param description the table's new description, if it changes
 */
public record TableDefinitionChange(Optional<StructType> schema, Optional<String> description) {
  private static final TableDefinitionChange NONE = new TableDefinitionChange(Optional.empty(),
      Optional.empty());

  public TableDefinitionChange {
    requireNonNull(schema, "schema");
    requireNonNull(description, "description");
  }

  public static TableDefinitionChange none() {
    return NONE;
  }

  /** The table COMMENT becomes {@code description}; no comment leaves the definition as it is. */
  public static TableDefinitionChange description(Optional<String> description) {
    return new TableDefinitionChange(Optional.empty(), description);
  }

  /**
   * A new schema, checked as Delta checks one on a table without column mapping: no duplicate names
   * (ignoring case), no characters Parquet column names cannot carry, supported types.
   *
   * @throws IllegalArgumentException if Delta would not accept the schema
   */
  public static TableDefinitionChange schema(StructType schema) {
    try {
      SchemaUtils.validateSchema(schema, false, false, false);
    } catch (KernelException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return new TableDefinitionChange(Optional.of(schema), Optional.empty());
  }

  public boolean isEmpty() {
    return schema.isEmpty() && description.isEmpty();
  }

  /** The metadata with this change applied; id, partitioning and properties stay. */
  Metadata applyTo(Metadata metadata) {
    Metadata changed = schema.map(metadata::withNewSchema).orElse(metadata);
    if (description.isEmpty()) {
      return changed;
    }
    return new Metadata(changed.getId(), changed.getName(), description, changed.getFormat(),
        changed.getSchemaString(), changed.getSchema(), changed.getPartitionColumns(),
        changed.getCreatedTime(), changed.getConfigurationMapValue());
  }
}
