/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.onelake.OneLakeException;
import io.onelake.catalog.DeltaTable;
import io.onelake.catalog.DeltaTypes;
import io.onelake.delta.TableDefinitionChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The schema a write gives its table under {@code onelake_schema_mode} (SPEC §5), as Delta's
 * {@code mergeSchema} and {@code overwriteSchema} do: {@code merge} appends the source's new columns
 * (nullable: the rows already written have no value for them); {@code overwrite} makes an overwrite
 * take the source's columns. Columns get the Delta type of the source's SQL type, as in
 * {@code CREATE TABLE … AS SELECT}. Partitioning never changes.
 */
final class SchemaEvolution {
  private SchemaEvolution() {}

  /**
   * {@code merge}: the table's columns followed by the source's new ones — names of the INSERT column
   * list that the table lacks, or, without a list, the query's columns beyond the table's width.
   */
  static StructType merged(DeltaTable target, SqlNodeList columnList, SqlNode source,
      Function<SqlNode, RelDataType> sourceType) {
    StructType current = target.snapshot().getSchema();
    List<StructField> added = new ArrayList<>();
    if (columnList != null) {
      List<Integer> newPositions = new ArrayList<>();
      for (int p = 0; p < columnList.size(); p++) {
        if (field(current, name(columnList, p)).isEmpty()) {
          newPositions.add(p);
        }
      }
      if (newPositions.isEmpty()) {
        return current;
      }
      if (source.getKind() == SqlKind.VALUES) {
        // Only the new columns' values are typed: a parameter for an existing column takes that
        // column's type, but one for a new column has no type to take.
        SqlNode newValues = newColumnValues(target, columnList, source, newPositions);
        if (newValues == null) {
          return current; // the caller reports the width mismatch
        }
        List<RelDataTypeField> types = sourceType.apply(newValues).getFieldList();
        for (int i = 0; i < newPositions.size(); i++) {
          added.add(newColumn(name(columnList, newPositions.get(i)), types.get(i).getType()));
        }
      } else {
        List<RelDataTypeField> sourceFields = sourceType.apply(source).getFieldList();
        if (sourceFields.size() != columnList.size()) {
          return current; // the caller reports the width mismatch
        }
        for (int p : newPositions) {
          added.add(newColumn(name(columnList, p), sourceFields.get(p).getType()));
        }
      }
    } else {
      if (source.getKind() == SqlKind.VALUES) {
        if (valuesWidth(source) > current.length()) {
          throw new OneLakeException(OneLakeException.SYNTAX, "INSERT into "
              + target.id().displayName() + " has more values than the table has columns; name the "
              + "new columns in an INSERT column list to add them (onelake_schema_mode = merge)");
        }
        return current;
      }
      List<RelDataTypeField> sourceFields = sourceType.apply(source).getFieldList();
      for (int i = current.length(); i < sourceFields.size(); i++) {
        added.add(newColumn(sourceFields.get(i).getName(), sourceFields.get(i).getType()));
      }
    }
    List<StructField> fields = new ArrayList<>(current.fields());
    fields.addAll(added);
    return validated(target, new StructType(fields));
  }

  /**
   * {@code overwrite} with an overwrite: the source's columns, named by the INSERT column list or the
   * query. A column that keeps its name and type keeps its nullability and comment; every partition
   * column must stay.
   */
  static StructType replaced(DeltaTable target, SqlNodeList columnList, SqlNode source,
      Function<SqlNode, RelDataType> sourceType) {
    StructType current = target.snapshot().getSchema();
    List<RelDataTypeField> sourceFields = sourceType.apply(source).getFieldList();
    List<String> names = new ArrayList<>();
    if (columnList != null) {
      if (columnList.size() != sourceFields.size()) {
        return current; // the caller reports the width mismatch
      }
      for (int p = 0; p < columnList.size(); p++) {
        names.add(name(columnList, p));
      }
    } else if (source.getKind() == SqlKind.VALUES) {
      if (sourceFields.size() != current.length()) {
        throw new OneLakeException(OneLakeException.SYNTAX, "INSERT OVERWRITE into "
            + target.id().displayName() + " with onelake_schema_mode = overwrite: VALUES rows have "
            + "no column names; name the columns in an INSERT column list");
      }
      names.addAll(current.fieldNames());
    } else {
      sourceFields.forEach(f -> names.add(f.getName()));
    }
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      StructField column = newColumn(names.get(i), sourceFields.get(i).getType());
      Optional<StructField> existing = field(current, column.getName());
      if (existing.isPresent() && existing.get().getDataType().equals(column.getDataType())) {
        column = existing.get();
      }
      fields.add(column);
    }
    StructType replaced = new StructType(fields);
    for (String partitionColumn : target.snapshot().getPartitionColumnNames()) {
      if (field(replaced, partitionColumn).isEmpty()) {
        throw new OneLakeException(OneLakeException.SYNTAX, "INSERT OVERWRITE with "
            + "onelake_schema_mode = overwrite cannot drop partition column " + partitionColumn
            + " of " + target.id().displayName() + "; partitioning stays as it is");
      }
    }
    return validated(target, replaced);
  }

  /** The table's columns followed by {@code added} (a MERGE's new source columns), checked. */
  static StructType withColumns(DeltaTable target, List<StructField> added) {
    List<StructField> fields = new ArrayList<>(target.snapshot().getSchema().fields());
    fields.addAll(added);
    return validated(target, new StructType(fields));
  }

  /** {@code VALUES} of just the new columns' values, or null if a row's width does not match. */
  private static SqlNode newColumnValues(DeltaTable target, SqlNodeList columnList, SqlNode values,
      List<Integer> newPositions) {
    List<SqlNode> rows = new ArrayList<>();
    for (SqlNode row : ((SqlCall) values).getOperandList()) {
      List<SqlNode> cells = ((SqlCall) row).getOperandList();
      if (cells.size() != columnList.size()) {
        return null;
      }
      List<SqlNode> picked = new ArrayList<>();
      for (int p : newPositions) {
        if (cells.get(p) instanceof SqlDynamicParam) {
          throw new OneLakeException(OneLakeException.SYNTAX, "The type of new column "
              + name(columnList, p) + " of " + target.id().displayName() + " cannot be taken from a "
              + "parameter; give it one, e.g. CAST(? AS VARCHAR)");
        }
        picked.add(cells.get(p));
      }
      rows.add(SqlStdOperatorTable.ROW.createCall(SqlParserPos.ZERO, picked));
    }
    return SqlStdOperatorTable.VALUES.createCall(SqlParserPos.ZERO, rows);
  }

  static StructField newColumn(String name, RelDataType type) {
    return new StructField(name, DeltaTypes.toDeltaType(type), true);
  }

  /** Names, duplicates and types checked as Delta checks a schema, reported as SQL errors. */
  private static StructType validated(DeltaTable target, StructType schema) {
    try {
      TableDefinitionChange.schema(schema);
      return schema;
    } catch (IllegalArgumentException e) {
      throw new OneLakeException(OneLakeException.SYNTAX, "Cannot change the schema of "
          + target.id().displayName() + ": " + e.getMessage(), e);
    }
  }

  private static Optional<StructField> field(StructType schema, String name) {
    return schema.fields().stream().filter(f -> f.getName().equalsIgnoreCase(name)).findFirst();
  }

  private static String name(SqlNodeList columnList, int position) {
    return ((SqlIdentifier) columnList.get(position)).getSimple();
  }

  private static int valuesWidth(SqlNode values) {
    return ((SqlCall) ((SqlCall) values).getOperandList().get(0)).getOperandList().size();
  }
}
