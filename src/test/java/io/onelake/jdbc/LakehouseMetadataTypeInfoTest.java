/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakehouseMetadataTypeInfoTest {
  @TempDir
  Path dir;

  private static final List<String> COLUMNS = List.of("TYPE_NAME", "DATA_TYPE", "PRECISION",
      "LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE",
      "UNSIGNED_ATTRIBUTE", "FIXED_PREC_SCALE", "AUTO_INCREMENT", "LOCAL_TYPE_NAME", "MINIMUM_SCALE",
      "MAXIMUM_SCALE", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "NUM_PREC_RADIX");

  /** A row's DATA_TYPE, PRECISION, MINIMUM_SCALE, MAXIMUM_SCALE, NUM_PREC_RADIX (null as null). */
  private record Row(int dataType, Integer precision, Integer minScale, Integer maxScale, Integer radix) {
  }

  @Test
  void typeInfoListsExactlyTheSupportedTypesSortedByDataType() throws Exception {
    Path lake = Files.createDirectories(dir.resolve("lake"));
    Map<String, Row> rows = new LinkedHashMap<>();
    List<Integer> order = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:onelake:file:" + lake);
        ResultSet rs = c.getMetaData().getTypeInfo()) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnLabel(i));
      }
      assertEquals(COLUMNS, names);
      while (rs.next()) {
        String name = rs.getString("TYPE_NAME");
        Row row = new Row(rs.getInt("DATA_TYPE"), (Integer) rs.getObject("PRECISION"),
            nullableInt(rs, "MINIMUM_SCALE"), nullableInt(rs, "MAXIMUM_SCALE"),
            (Integer) rs.getObject("NUM_PREC_RADIX"));
        assertEquals(null, rows.put(name, row), "duplicate " + name);
        order.add(row.dataType());
        assertEquals(DatabaseMetaData.typeNullable, rs.getShort("NULLABLE"), name);
        assertFalse(rs.getBoolean("AUTO_INCREMENT"), name);
        assertEquals(name.equals("VARCHAR"), rs.getBoolean("CASE_SENSITIVE"), name);
        if (name.equals("DECIMAL")) {
          assertEquals("precision,scale", rs.getString("CREATE_PARAMS"));
        }
        if (name.equals("VARCHAR")) {
          assertEquals("'", rs.getString("LITERAL_PREFIX"));
          assertEquals("'", rs.getString("LITERAL_SUFFIX"));
        }
      }
    }
    Map<String, Row> expected = new LinkedHashMap<>();
    expected.put("TINYINT", new Row(Types.TINYINT, 3, 0, 0, 10));
    expected.put("BIGINT", new Row(Types.BIGINT, 19, 0, 0, 10));
    expected.put("VARBINARY", new Row(Types.VARBINARY, Integer.MAX_VALUE, null, null, null));
    expected.put("DECIMAL", new Row(Types.DECIMAL, 38, 0, 38, 10));
    expected.put("INTEGER", new Row(Types.INTEGER, 10, 0, 0, 10));
    expected.put("SMALLINT", new Row(Types.SMALLINT, 5, 0, 0, 10));
    expected.put("REAL", new Row(Types.REAL, 7, null, null, 10));
    expected.put("DOUBLE", new Row(Types.DOUBLE, 15, null, null, 10));
    expected.put("VARCHAR", new Row(Types.VARCHAR, Integer.MAX_VALUE, null, null, null));
    expected.put("BOOLEAN", new Row(Types.BOOLEAN, 1, null, null, null));
    expected.put("DATE", new Row(Types.DATE, 10, null, null, null));
    expected.put("TIMESTAMP", new Row(Types.TIMESTAMP, 26, 6, 6, null));
    expected.put("MAP", new Row(Types.JAVA_OBJECT, null, null, null, null));
    expected.put("STRUCT", new Row(Types.STRUCT, null, null, null, null));
    expected.put("ARRAY", new Row(Types.ARRAY, null, null, null, null));
    assertEquals(expected, rows);
    // Same order too: the expected map is written in DATA_TYPE order.
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(rows.keySet()));
    List<Integer> sorted = new ArrayList<>(order);
    sorted.sort(null);
    assertEquals(sorted, order);
    assertTrue(order.get(0) == Types.TINYINT);
  }

  private static Integer nullableInt(ResultSet rs, String column) throws Exception {
    Object value = rs.getObject(column);
    return value == null ? null : ((Number) value).intValue();
  }
}
