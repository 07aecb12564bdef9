/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.sqllogictest;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole result set as formatted text, one list of values per row. */
public final class ResultRows {
  private ResultRows() {}

  /**
   * Reads all rows of {@code resultSet}. Columns beyond {@code types} (a record that declares too few) are
   * read as text, so the failure message can still show everything the query returned.
   */
  public static List<List<String>> read(ResultSet resultSet, List<ColumnType> types) throws SQLException {
    requireNonNull(resultSet, "resultSet");
    requireNonNull(types, "types");
    ResultSetMetaData metaData = resultSet.getMetaData();
    int columnCount = metaData.getColumnCount();
    List<ColumnType> columnTypes = new ArrayList<>();
    boolean[] binary = new boolean[columnCount];
    for (int i = 0; i < columnCount; i++) {
      columnTypes.add(i < types.size() ? types.get(i) : ColumnType.TEXT);
      binary[i] = isBinary(metaData.getColumnType(i + 1));
    }
    List<List<String>> rows = new ArrayList<>();
    while (resultSet.next()) {
      List<String> row = new ArrayList<>(columnCount);
      for (int i = 0; i < columnCount; i++) {
        Object value = read(resultSet, i + 1, columnTypes.get(i), binary[i]);
        row.add(ValueFormatter.format(columnTypes.get(i), resultSet.wasNull() ? null : value));
      }
      rows.add(List.copyOf(row));
    }
    return List.copyOf(rows);
  }

  private static Object read(ResultSet resultSet, int column, ColumnType type, boolean binary)
      throws SQLException {
    if (binary) {
      return resultSet.getBytes(column); // getString of bytes differs between drivers; hex does not
    }
    return switch (type) {
      // The driver's own text for text and date/time columns is part of what the tests check.
      case TEXT, DATETIME -> resultSet.getString(column);
      case INTEGER, REAL, BOOLEAN -> resultSet.getObject(column);
    };
  }

  private static boolean isBinary(int sqlType) {
    return sqlType == Types.BINARY
        || sqlType == Types.VARBINARY
        || sqlType == Types.LONGVARBINARY
        || sqlType == Types.BLOB;
  }
}
