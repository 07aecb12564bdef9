/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import io.delta.kernel.Snapshot;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.onelake.catalog.DeltaTable;
import io.onelake.catalog.DeltaTypes;
import io.onelake.catalog.TableResolver;
import io.onelake.delta.DeltaWriter;
import io.onelake.exec.Session;
import io.onelake.exec.TableCopy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;

/**
 * Recognises an INSERT whose rows are another Delta table's columns unchanged: {@code SELECT *} or a
 * list of plain column names from one table (no time travel), without WHERE, grouping, ordering,
 * DISTINCT or LIMIT, every column of the target filled from a source column of exactly its Delta type.
 * Such rows need no SQL evaluation, so they can be copied as column batches ({@link TableCopy}).
 */
final class TableCopies {
  private TableCopies() {}

  /**
   * @param sourceRowType the row type of the prepared source query (names and types of its columns)
   * @param sourcePositions for each target column, the source column it takes, or -1
   */
  static Optional<TableCopy> find(Session session, SqlNode source, RelDataType sourceRowType,
      int[] sourcePositions, DeltaTable target, RelDataTypeFactory typeFactory) {
    Snapshot targetSnapshot = target.snapshot();
    if (!DeltaWriter.acceptsBatches(targetSnapshot) || !(source instanceof SqlSelect)) {
      return Optional.empty();
    }
    Optional<SqlIdentifier> from = plainProjection((SqlSelect) source);
    if (from.isEmpty()) {
      return Optional.empty();
    }
    DeltaTable table;
    try {
      table = DeltaTable.latest(session.catalog(), TableResolver.resolve(session.catalog(),
          from.get().names));
    } catch (RuntimeException e) {
      return Optional.empty(); // not a Delta table of the lakehouse: the query path decides
    }
    if (table.isTimeTravel() || table.hasRowIdentity()) {
      return Optional.empty();
    }
    StructType sourceSchema = table.snapshot().getSchema();
    List<RelDataTypeField> sourceFields = sourceRowType.getFieldList();
    StructType targetSchema = targetSnapshot.getSchema();
    List<String> partitionColumns = table.snapshot().getPartitionColumnNames();
    boolean bytesForStrings = !DeltaWriter.hasColumnMapping(table.snapshot());
    List<StructField> read = new ArrayList<>();
    List<String> readNames = new ArrayList<>();
    int[] readColumnOf = new int[targetSchema.length()];
    boolean[] checkNotNull = new boolean[targetSchema.length()];
    for (int i = 0; i < targetSchema.length(); i++) {
      if (sourcePositions[i] < 0) {
        return Optional.empty();
      }
      RelDataTypeField queryField = sourceFields.get(sourcePositions[i]);
      int ordinal = sourceSchema.indexOf(queryField.getName());
      if (ordinal < 0) {
        return Optional.empty();
      }
      StructField column = sourceSchema.at(ordinal);
      StructField targetColumn = targetSchema.at(i);
      // The query must really yield the table's column (same name and type), and the target must
      // take the value as it is.
      if (!sameType(queryField.getType(), DeltaTypes.toRelType(typeFactory, column.getDataType(), true))
          || !column.getDataType().equals(targetColumn.getDataType())) {
        return Optional.empty();
      }
      int readIndex = readNames.indexOf(column.getName());
      if (readIndex < 0) {
        readIndex = read.size();
        readNames.add(column.getName());
        // Parquet stores strings as UTF-8 bytes: reading them as BINARY spares decoding and
        // re-encoding every value (Kernel reads bytes either way). Partition values are not in the
        // file, so they stay strings.
        boolean asBytes = bytesForStrings && column.getDataType() instanceof StringType
            && partitionColumns.stream().noneMatch(column.getName()::equalsIgnoreCase);
        read.add(asBytes ? new StructField(column.getName(), BinaryType.BINARY, column.isNullable())
            : column);
      }
      readColumnOf[i] = readIndex;
      checkNotNull[i] = !targetColumn.isNullable() && column.isNullable();
    }
    return Optional.of(new TableCopy(table, new StructType(read), readColumnOf, checkNotNull));
  }

  /**
   * Same SQL type, precision and scale; a table's TIMESTAMP columns are typed by the Java class that
   * carries their microseconds, which plain type equality would tell apart.
   */
  private static boolean sameType(RelDataType query, RelDataType column) {
    return query.getSqlTypeName() == column.getSqlTypeName()
        && query.getPrecision() == column.getPrecision() && query.getScale() == column.getScale()
        && (!query.isStruct() && query.getComponentType() == null && query.getKeyType() == null);
  }

  /** The table of a {@code SELECT} of plain columns (or {@code *}) from one table, if it is one. */
  private static Optional<SqlIdentifier> plainProjection(SqlSelect select) {
    if (select.getWhere() != null || select.getGroup() != null || select.getHaving() != null
        || !isEmpty(select.getWindowList()) || !isEmpty(select.getOrderList())
        || select.getOffset() != null || select.getFetch() != null || select.isDistinct()
        || select.getQualify() != null || !isEmpty(select.getHints())) {
      return Optional.empty();
    }
    for (SqlNode item : select.getSelectList()) {
      if (!(item instanceof SqlIdentifier)) {
        return Optional.empty();
      }
    }
    SqlNode from = select.getFrom();
    if (from != null && from.getKind() == SqlKind.AS) {
      if (((SqlBasicCall) from).operandCount() != 2) {
        return Optional.empty(); // t AS x(a, b) renames the columns
      }
      from = ((SqlBasicCall) from).operand(0);
    }
    return from instanceof SqlIdentifier ? Optional.of((SqlIdentifier) from) : Optional.empty();
  }

  private static boolean isEmpty(SqlNodeList list) {
    return list == null || list.isEmpty();
  }
}
