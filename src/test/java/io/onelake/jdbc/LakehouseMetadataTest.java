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
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakehouseMetadataTest {
  @TempDir
  Path dir;

  private Connection connection;

  @BeforeEach
  void createTables() throws Exception {
    Path lake = Files.createDirectories(dir.resolve("lake"));
    connection = DriverManager.getConnection("jdbc:onelake:file:" + lake);
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE t1 (id INT NOT NULL, name STRING COMMENT 'the name', amount DECIMAL(10,2), "
          + "ts TIMESTAMP, d DATE, b BOOLEAN, bin BINARY, l BIGINT)");
      s.execute("CREATE TABLE other (x DOUBLE, y SMALLINT NOT NULL, z TINYINT, f FLOAT)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private static List<List<String>> rows(ResultSet rs, String... columns) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (String column : columns) {
          row.add(rs.getString(column));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void catalogIsTheLakehouseName() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    assertEquals(List.of(List.of("lake")), rows(meta.getCatalogs(), "TABLE_CAT"));
    assertEquals("lake", connection.getCatalog());
    assertEquals("dbo", connection.getSchema());
  }

  @Test
  void schemasAreDboOnly() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<List<String>> schemas = rows(meta.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG");
    assertEquals(List.of(List.of("dbo", "lake")), schemas);
    assertEquals(List.of(List.of("dbo", "lake")),
        rows(meta.getSchemas("lake", "DB%"), "TABLE_SCHEM", "TABLE_CATALOG"));
    assertEquals(List.of(), rows(meta.getSchemas("lake", "metadata"), "TABLE_SCHEM"));
    assertEquals(List.of(), rows(meta.getSchemas("elsewhere", null), "TABLE_SCHEM"));
  }

  @Test
  void tablesAreListedWithTypeTable() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<List<String>> tables = rows(meta.getTables(null, null, "%", null),
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE");
    tables.sort((a, b) -> a.get(2).compareTo(b.get(2)));
    assertEquals(List.of(List.of("lake", "dbo", "other", "TABLE"), List.of("lake", "dbo", "t1", "TABLE")),
        tables);
  }

  @Test
  void tablePatternsAreLikeAndCaseInsensitive() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    assertEquals(List.of(List.of("t1")), rows(meta.getTables(null, "dbo", "t%", null), "TABLE_NAME"));
    assertEquals(List.of(List.of("t1")), rows(meta.getTables(null, "dbo", "T_", null), "TABLE_NAME"));
    assertEquals(List.of(List.of("t1")), rows(meta.getTables("LAKE", "DBO", "T1", null), "TABLE_NAME"));
    assertEquals(List.of(), rows(meta.getTables(null, null, "t", null), "TABLE_NAME"));
    assertEquals(List.of(List.of("other")), rows(meta.getTables(null, null, "%th%", null), "TABLE_NAME"));
  }

  @Test
  void typesFilter() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    assertEquals(2, rows(meta.getTables(null, null, null, new String[] {"TABLE"}), "TABLE_NAME").size());
    assertEquals(2, rows(meta.getTables(null, null, null, new String[] {"VIEW", "TABLE"}), "TABLE_NAME")
        .size());
    assertEquals(List.of(), rows(meta.getTables(null, null, null, new String[] {"VIEW"}), "TABLE_NAME"));
    assertEquals(List.of(List.of("TABLE")), rows(meta.getTableTypes(), "TABLE_TYPE"));
  }

  private record Col(String name, int dataType, String typeName, Integer size, Integer digits,
      int nullable, String isNullable, String remarks) {}

  @Test
  void columnsDescribeEveryType() throws SQLException {
    List<Col> expected = List.of(
        new Col("id", Types.INTEGER, "INTEGER", 10, 0, DatabaseMetaData.columnNoNulls, "NO", null),
        new Col("name", Types.VARCHAR, "VARCHAR", null, null, DatabaseMetaData.columnNullable, "YES",
            "the name"),
        new Col("amount", Types.DECIMAL, "DECIMAL", 10, 2, DatabaseMetaData.columnNullable, "YES", null),
        new Col("ts", Types.TIMESTAMP, "TIMESTAMP", null, 6, DatabaseMetaData.columnNullable, "YES", null),
        new Col("d", Types.DATE, "DATE", 10, null, DatabaseMetaData.columnNullable, "YES", null),
        new Col("b", Types.BOOLEAN, "BOOLEAN", null, null, DatabaseMetaData.columnNullable, "YES", null),
        new Col("bin", Types.VARBINARY, "VARBINARY", null, null, DatabaseMetaData.columnNullable, "YES",
            null),
        new Col("l", Types.BIGINT, "BIGINT", 19, 0, DatabaseMetaData.columnNullable, "YES", null));
    List<Col> actual = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getColumns("lake", "dbo", "t1", "%")) {
      int ordinal = 0;
      while (rs.next()) {
        ordinal++;
        assertEquals("lake", rs.getString("TABLE_CAT"));
        assertEquals("dbo", rs.getString("TABLE_SCHEM"));
        assertEquals("t1", rs.getString("TABLE_NAME"));
        assertEquals(ordinal, rs.getInt("ORDINAL_POSITION"));
        Col e = expected.get(ordinal - 1);
        int size = rs.getInt("COLUMN_SIZE");
        Integer sizeOrNull = rs.wasNull() ? null : size;
        int digits = rs.getInt("DECIMAL_DIGITS");
        Integer digitsOrNull = rs.wasNull() ? null : digits;
        actual.add(new Col(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
            e.size() == null ? null : sizeOrNull, e.digits() == null ? null : digitsOrNull,
            rs.getInt("NULLABLE"), rs.getString("IS_NULLABLE"), rs.getString("REMARKS")));
      }
    }
    assertEquals(expected, actual);
  }

  @Test
  void columnsOfSecondTableAndColumnPattern() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<List<String>> columns = rows(meta.getColumns(null, null, "other", null),
        "COLUMN_NAME", "DATA_TYPE", "NULLABLE", "ORDINAL_POSITION");
    assertEquals(List.of(
        List.of("x", String.valueOf(Types.DOUBLE), "1", "1"),
        List.of("y", String.valueOf(Types.SMALLINT), "0", "2"),
        List.of("z", String.valueOf(Types.TINYINT), "1", "3"),
        List.of("f", String.valueOf(Types.REAL), "1", "4")), columns);
    assertEquals(List.of(List.of("t1", "amount")),
        rows(meta.getColumns(null, null, "%", "AM%"), "TABLE_NAME", "COLUMN_NAME"));
  }

  @Test
  void resultSetMetaDataMatchesColumns() throws SQLException {
    List<Integer> fromMetadata = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getColumns(null, null, "t1", null)) {
      while (rs.next()) {
        fromMetadata.add(rs.getInt("DATA_TYPE"));
      }
    }
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM t1")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(8, md.getColumnCount());
      List<Integer> fromQuery = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        fromQuery.add(md.getColumnType(i));
      }
      assertEquals(fromMetadata, fromQuery);
      assertEquals("id", md.getColumnLabel(1));
      assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
      assertEquals(ResultSetMetaData.columnNullable, md.isNullable(2));
      assertEquals(10, md.getPrecision(3));
      assertEquals(2, md.getScale(3));
      assertFalse(rs.next());
    }
  }

  @Test
  void catalogIsTheLastFolderOfTheUrl() throws Exception {
    Path nested = Files.createDirectories(dir.resolve("a/b/Sales.Lakehouse"));
    try (Connection c = DriverManager.getConnection("jdbc:onelake:file:" + nested)) {
      assertEquals("Sales", c.getCatalog());
      assertEquals(List.of(List.of("Sales")), rows(c.getMetaData().getCatalogs(), "TABLE_CAT"));
      assertEquals(List.of(), rows(c.getMetaData().getTables(null, null, null, null), "TABLE_NAME"));
    }
  }

  @Test
  void threePartNamesUseTheCatalog() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("INSERT INTO lake.dbo.t1 (id, name) VALUES (1, 'x')");
      try (ResultSet rs = s.executeQuery("SELECT name FROM lake.dbo.t1")) {
        assertTrue(rs.next());
        assertEquals("x", rs.getString(1));
      }
    }
  }
}
