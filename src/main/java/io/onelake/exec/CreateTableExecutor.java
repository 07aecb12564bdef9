/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.exec;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Snapshot;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.TableAlreadyExistsException;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.onelake.OneLakeException;
import io.onelake.catalog.DeltaTypes;
import io.onelake.catalog.LakehouseCatalog;
import io.onelake.catalog.TableId;
import io.onelake.catalog.TableResolver;
import io.onelake.delta.DeltaWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;

/**
 * CREATE TABLE [IF NOT EXISTS] ... [PARTITIONED BY] [TBLPROPERTIES] [AS SELECT]: creates a Delta table
 * in one commit; with AS SELECT the rows are written in that same commit.
 */
public final class CreateTableExecutor {
  private final Session session;

  public CreateTableExecutor(Session session) {
    this.session = requireNonNull(session, "session");
  }

  /** Runs the statement; returns the number of rows written. */
  public long execute(CreateTableSpec spec, DataContext context) {
    if (spec.replace() && spec.ifNotExists()) {
      throw new OneLakeException(OneLakeException.SYNTAX,
          "CREATE OR REPLACE TABLE cannot be combined with IF NOT EXISTS");
    }
    if (session.batch().isActive()) {
      throw OneLakeException.unsupported("CREATE TABLE inside a JDBC batch or a transaction");
    }
    LakehouseCatalog catalog = session.catalog();
    String schemaName = TableResolver.schemaOf(catalog, spec.name());
    String tableName = spec.name().get(spec.name().size() - 1);
    Optional<TableId> existing = catalog.table(schemaName, tableName);
    if (existing.isPresent()) {
      if (spec.replace()) {
        return replace(spec, existing.get(), context);
      }
      if (spec.ifNotExists()) {
        return 0;
      }
      throw alreadyExists(spec);
    }
    String path;
    try {
      path = catalog.newTablePath(schemaName, tableName);
    } catch (IllegalArgumentException e) {
      throw new OneLakeException(OneLakeException.SCHEMA_NOT_FOUND, "Schema " + schemaName
          + " does not exist in lakehouse " + catalog.name());
    }
    StructType schema = schema(spec);
    List<String> partitionColumns = partitionColumns(spec, schema);
    DeltaWriter writer;
    try {
      writer = DeltaWriter.create(session.lake(), path, schema, partitionColumns, spec.properties(),
          spec.comment(), session.settings().writeOptions());
    } catch (TableAlreadyExistsException e) {
      if (spec.ifNotExists()) {
        return 0;
      }
      throw alreadyExists(spec);
    } catch (KernelException e) {
      throw new OneLakeException(OneLakeException.SYNTAX,
          "Cannot create table " + String.join(".", spec.name()) + ": " + e.getMessage(), e);
    }
    try (DeltaWriter w = writer) {
      writeQueryRows(spec, schema, w, context);
      long rows = w.rowCount();
      try {
        w.commit();
      } catch (KernelException e) {
        if (e.getClass().getSimpleName().equals("ProtocolChangedException")
            || e.getClass().getSimpleName().equals("MetadataChangedException")) {
          // Another connection created the same table first.
          if (spec.ifNotExists()) {
            return 0;
          }
          throw alreadyExists(spec);
        }
        throw e;
      }
      return rows;
    } finally {
      catalog.invalidate();
    }
  }

  /**
   * CREATE OR REPLACE TABLE on an existing table: new definition and rows in one REPLACE commit that
   * keeps the history (time travel to earlier versions still works), as Delta's REPLACE does.
   */
  private long replace(CreateTableSpec spec, TableId id, DataContext context) {
    StructType schema = schema(spec);
    List<String> partitionColumns = partitionColumns(spec, schema);
    Snapshot current = session.lake().latest(id.path(), Duration.ZERO)
        .orElseThrow(() -> new OneLakeException(OneLakeException.TABLE_NOT_FOUND,
            "Table " + id.displayName() + " disappeared"));
    DeltaWriter writer;
    try {
      writer = DeltaWriter.replace(session.lake(), current, schema, partitionColumns, spec.properties(),
          spec.comment(), session.settings().writeOptions());
    } catch (KernelException e) {
      throw new OneLakeException(OneLakeException.SYNTAX,
          "Cannot replace table " + id.displayName() + ": " + e.getMessage(), e);
    }
    try (DeltaWriter w = writer) {
      writeQueryRows(spec, schema, w, context);
      long rows = w.rowCount();
      w.commit();
      return rows;
    } finally {
      session.catalog().invalidate();
    }
  }

  private void writeQueryRows(CreateTableSpec spec, StructType schema, DeltaWriter writer,
      DataContext context) {
    if (spec.query().isEmpty()) {
      return;
    }
    QueryRows query = spec.query().get();
    KernelRowConverter converter = new KernelRowConverter(schema,
        query.rowType().getFieldList().stream().map(f -> f.getType()).toList(), session.timeZone());
    try (Enumerator<Object> rows = query.rows(context).enumerator()) {
      while (rows.moveNext()) {
        writer.write(converter.convert(rows.current()));
      }
    }
  }

  private static StructType schema(CreateTableSpec spec) {
    if (spec.schema().isPresent()) {
      if (spec.query().isPresent()) {
        throw OneLakeException.unsupported("CREATE TABLE with both a column list and AS SELECT");
      }
      return spec.schema().get();
    }
    if (spec.query().isEmpty()) {
      throw new OneLakeException(OneLakeException.SYNTAX,
          "CREATE TABLE needs a column list or AS SELECT");
    }
    StructType schema = DeltaTypes.toDeltaSchema(spec.query().get().rowType());
    // Columns of a query are nullable in the new table, as in Spark.
    List<StructField> fields = new ArrayList<>();
    for (StructField field : schema.fields()) {
      fields.add(new StructField(field.getName(), field.getDataType(), true, field.getMetadata()));
    }
    return new StructType(fields);
  }

  private static List<String> partitionColumns(CreateTableSpec spec, StructType schema) {
    List<String> result = new ArrayList<>();
    for (String name : spec.partitionColumns()) {
      Optional<StructField> field = schema.fields().stream()
          .filter(f -> f.getName().equalsIgnoreCase(name)).findFirst();
      if (field.isEmpty()) {
        throw new OneLakeException(OneLakeException.COLUMN_NOT_FOUND,
            "Partition column " + name + " is not a column of the table");
      }
      if (field.get().getDataType() instanceof StructType
          || field.get().getDataType() instanceof io.delta.kernel.types.ArrayType
          || field.get().getDataType() instanceof io.delta.kernel.types.MapType) {
        throw new OneLakeException(OneLakeException.FEATURE_NOT_SUPPORTED,
            "Partition column " + name + " must have a primitive type");
      }
      result.add(field.get().getName());
    }
    if (!result.isEmpty() && result.size() == schema.length()) {
      throw new OneLakeException(OneLakeException.SYNTAX,
          "A table cannot be partitioned by all of its columns");
    }
    return result;
  }

  private static OneLakeException alreadyExists(CreateTableSpec spec) {
    return new OneLakeException(OneLakeException.TABLE_EXISTS,
        "Table " + String.join(".", spec.name()) + " already exists");
  }

}
