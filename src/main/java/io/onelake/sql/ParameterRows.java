/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sql;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.List;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * The rows of {@code INSERT INTO t [(columns)] VALUES (?, ?, …)}: one parameter set becomes one table
 * row, in table column order, each value converted to its column's type as an SQL assignment would
 * ({@link ParameterValues}); columns the statement does not name are NULL.
 */
final class ParameterRows {
  private final RelDataType tableType;
  private final RelDataType[] columnTypes;
  /** Per table column, the index of the parameter that fills it, or -1 for NULL. */
  private final int[] parameterOf;
  private final ZoneId zone;

  ParameterRows(RelDataType tableType, int[] parameterOf, ZoneId zone) {
    this.tableType = requireNonNull(tableType, "tableType");
    this.parameterOf = parameterOf.clone();
    this.zone = requireNonNull(zone, "zone");
    List<RelDataTypeField> fields = tableType.getFieldList();
    if (fields.size() != parameterOf.length) {
      throw new IllegalArgumentException(
          parameterOf.length + " parameter positions for " + fields.size() + " columns");
    }
    this.columnTypes = fields.stream().map(RelDataTypeField::getType).toArray(RelDataType[]::new);
  }

  /** The row type of the rows: the table's. */
  RelDataType rowType() {
    return tableType;
  }

  /** The table row of one parameter set (Calcite representation). */
  Object[] row(List<TypedValue> parameters) {
    Object[] row = new Object[columnTypes.length];
    for (int i = 0; i < row.length; i++) {
      row[i] = parameterOf[i] < 0 ? null : ParameterValues.convert(
          ParameterValues.local(parameters.get(parameterOf[i])), columnTypes[i], zone);
    }
    return row;
  }
}
