/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DatabaseMetaData answers that generic JDBC tools (DBeaver, BI tools) ask for. */
class DatabaseMetaDataConformanceTest {
  @TempDir
  Path lakehouse;

  private Connection connect(String properties) throws SQLException {
    return DriverManager.getConnection("jdbc:onelake:file:" + lakehouse + properties);
  }

  @BeforeEach
  void createTable() throws SQLException {
    try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE orders (id BIGINT NOT NULL, note STRING)");
    }
  }

  @Test
  void identifierQuoteStringFollowsTheQuotingProperty() throws Exception {
    try (Connection connection = connect("")) {
      assertEquals("\"", connection.getMetaData().getIdentifierQuoteString());
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT \"id\" FROM \"orders\"")) {
        assertFalse(rs.next());
      }
    }
    try (Connection connection = connect(";quoting=backtick")) {
      assertEquals("`", connection.getMetaData().getIdentifierQuoteString());
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT `id` FROM `orders`")) {
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void driverAndProductNamesAndVersions() throws Exception {
    try (Connection connection = connect("")) {
      DatabaseMetaData md = connection.getMetaData();
      assertEquals("onelake-jdbc", md.getDriverName());
      assertEquals("0.1.0", md.getDriverVersion());
      assertEquals(0, md.getDriverMajorVersion());
      assertEquals(1, md.getDriverMinorVersion());
      assertEquals("OneLake Delta Lake", md.getDatabaseProductName());
      assertEquals("0.1.0", md.getDatabaseProductVersion());
      assertEquals(new OneLakeDriver().getMajorVersion(), md.getDriverMajorVersion());
      assertEquals(new OneLakeDriver().getMinorVersion(), md.getDriverMinorVersion());
      assertEquals("jdbc:onelake:file:" + lakehouse, md.getURL());
      assertTrue(md.getConnection() == connection);
    }
  }

  @Test
  void keysAndIndexesAreValidEmptyResultSets() throws Exception {
    try (Connection connection = connect("")) {
      DatabaseMetaData md = connection.getMetaData();
      String catalog = connection.getCatalog();
      assertEmpty(md.getPrimaryKeys(catalog, "dbo", "orders"),
          "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
      assertEmpty(md.getIndexInfo(catalog, "dbo", "orders", false, true),
          "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER", "INDEX_NAME",
          "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", "PAGES",
          "FILTER_CONDITION");
      String[] foreignKeyColumns = {"PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME",
          "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME",
          "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY"};
      assertEmpty(md.getImportedKeys(catalog, "dbo", "orders"), foreignKeyColumns);
      assertEmpty(md.getExportedKeys(catalog, "dbo", "orders"), foreignKeyColumns);
      // Also with null arguments, as tools pass them.
      assertEmpty(md.getPrimaryKeys(null, null, "orders"),
          "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
    }
  }

  /** The result set is empty and has the JDBC column names (labels), in order. */
  private static void assertEmpty(ResultSet rs, String... columns) throws SQLException {
    try (rs) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        labels.add(md.getColumnLabel(i).toUpperCase(java.util.Locale.ROOT));
      }
      List<String> expected = new ArrayList<>(List.of(columns));
      // Avatica spells the last foreign-key column "DEFERABILITY" (sic); accept exactly that.
      if (labels.contains("DEFERABILITY")) {
        expected.replaceAll(c -> c.equals("DEFERRABILITY") ? "DEFERABILITY" : c);
      }
      assertEquals(expected, labels);
      assertFalse(rs.next());
    }
  }

  @Test
  void capabilities() throws Exception {
    try (Connection connection = connect("")) {
      DatabaseMetaData md = connection.getMetaData();
      assertTrue(md.supportsBatchUpdates());
      // Auto-commit off stages INSERTs until commit() (see TransactionTest); each statement reads
      // the latest committed version: READ COMMITTED.
      assertTrue(md.supportsTransactions());
      assertTrue(md.supportsMultipleTransactions());
      assertEquals(Connection.TRANSACTION_READ_COMMITTED, md.getDefaultTransactionIsolation());
      assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED));
      assertFalse(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
      assertEquals(Connection.TRANSACTION_READ_COMMITTED, connection.getTransactionIsolation());
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      java.sql.SQLException refused = assertThrows(java.sql.SQLFeatureNotSupportedException.class,
          () -> connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
      assertEquals("0A000", refused.getSQLState());
      assertTrue(refused.getMessage().contains("TRANSACTION_READ_COMMITTED"), refused.getMessage());
      assertEquals(Connection.TRANSACTION_READ_COMMITTED, connection.getTransactionIsolation());
      assertTrue(md.supportsDataManipulationTransactionsOnly());
      assertFalse(md.supportsDataDefinitionAndDataManipulationTransactions());
      assertFalse(md.dataDefinitionCausesTransactionCommit());
      assertFalse(md.allProceduresAreCallable());
      String keywords = md.getSQLKeywords();
      assertNotNull(keywords);
      assertTrue(List.of(keywords.split(",")).contains("LIMIT"), keywords);
      // The database is writable; a connection set read-only (DBeaver's option) reports that.
      assertFalse(md.isReadOnly());
      connection.setReadOnly(true);
      assertTrue(md.isReadOnly());
      connection.setReadOnly(false);
      try (ResultSet rs = md.getTableTypes()) {
        assertEquals("TABLE_TYPE", rs.getMetaData().getColumnLabel(1));
        assertTrue(rs.next());
        assertEquals("TABLE", rs.getString(1));
        assertFalse(rs.next());
      }
      try (ResultSet rs = md.getTables(null, null, "%", null)) {
        assertTrue(rs.next());
        assertEquals(connection.getCatalog(), rs.getString("TABLE_CAT"));
        assertEquals("dbo", rs.getString("TABLE_SCHEM"));
        assertEquals("orders", rs.getString("TABLE_NAME"));
        assertEquals("TABLE", rs.getString("TABLE_TYPE"));
        assertFalse(rs.next());
      }
    }
  }

  /** Tools list these on their "driver properties" tab; every one must be accepted by connect(). */
  @Test
  void propertyInfoListsExactlyTheAcceptedProperties() throws Exception {
    String url = "jdbc:onelake:file:" + lakehouse;
    Properties given = new Properties();
    given.setProperty("timeZone", "UTC");
    DriverPropertyInfo[] infos = DriverManager.getDriver(url).getPropertyInfo(url, given);
    Map<String, DriverPropertyInfo> byName = Stream.of(infos)
        .collect(Collectors.toMap(p -> p.name, Function.identity()));
    assertEquals(ConnectionProperty.allNames(), byName.keySet());
    assertTrue(byName.keySet().containsAll(List.of("accountKey", "sasToken", "timeZone", "quoting",
        "onelake_parquet_compression", "onelake_metadata_cache_ttl")));
    assertEquals("UTC", byName.get("timeZone").value);
    assertEquals("snappy", byName.get("onelake_parquet_compression").value);
    assertFalse(byName.get("accountKey").required);
    assertTrue(byName.keySet().containsAll(List.of("api", "endpoint", "tenantId", "clientId", "clientSecret",
        "clientCertificatePath", "clientCertificatePassword", "user", "password")));
    assertEquals(List.of("none", "account_key", "sas", "token", "default", "service_principal", "managed_identity",
        "azure_cli", "device_code", "interactive"), List.of(byName.get("auth").choices));
    assertEquals(List.of("blob", "dfs"), List.of(byName.get("api").choices));
    assertEquals(null, byName.get("endpoint").choices);
    // Every listed property with its listed value is accepted (local folder: no secrets needed).
    Properties all = new Properties();
    for (DriverPropertyInfo info : infos) {
      if (info.value != null) {
        all.setProperty(info.name, info.value);
      }
    }
    try (Connection connection = DriverManager.getConnection(url, all)) {
      assertEquals("orders", tableNames(connection).get(0));
    }
  }

  private static List<String> tableNames(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }
}
