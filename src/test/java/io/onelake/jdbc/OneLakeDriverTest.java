/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onelake.testing.AzuriteExtension;
import io.onelake.testing.AzuriteProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class OneLakeDriverTest {
  @TempDir
  Path dir;

  @Test
  void driverManagerFindsOurDriver() throws SQLException {
    Driver driver = DriverManager.getDriver("jdbc:onelake:file:/x");
    assertInstanceOf(OneLakeDriver.class, driver);
    assertTrue(driver.acceptsURL("jdbc:onelake:file:/x"));
    assertTrue(driver.acceptsURL("jdbc:onelake:https://acct.blob.core.windows.net/c/lake"));
    assertFalse(driver.acceptsURL("jdbc:calcite:"));
    assertFalse(driver.acceptsURL("jdbc:postgresql://localhost/db"));
    assertEquals(0, driver.getMajorVersion());
    assertEquals(1, driver.getMinorVersion());
  }

  @Test
  void connectReturnsNullForForeignUrls() throws SQLException {
    assertNull(new OneLakeDriver().connect("jdbc:postgresql://localhost/db", new Properties()));
  }

  @Test
  void badAuthValueIs08004() {
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:onelake:file:" + dir + ";auth=kerberos"));
    assertEquals("08004", e.getSQLState());
    assertTrue(e.getMessage().contains("kerberos"), e.getMessage());
  }

  @Test
  void unknownPropertyIs08004AndNamed() {
    Properties info = new Properties();
    info.setProperty("acountKey", "x");
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:onelake:file:" + dir, info));
    assertEquals("08004", e.getSQLState());
    assertTrue(e.getMessage().contains("acountKey"), e.getMessage());
  }

  @Test
  void accountKeyAuthWithoutKeyIs08004() {
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
        "jdbc:onelake:http://127.0.0.1:10000/devstoreaccount1/c/lake;auth=account_key"));
    assertEquals("08004", e.getSQLState());
    assertTrue(e.getMessage().contains("accountKey"), e.getMessage());
  }

  @Test
  void workspaceUrlWithEndpointOverrideReachesTheService(AzuriteProcess azurite) throws SQLException {
    // Azurite stands in for OneLake: the workspace is its container, the item a folder in it.
    String workspace = java.util.UUID.randomUUID().toString();
    String item = java.util.UUID.randomUUID().toString();
    String url = "jdbc:onelake://" + workspace + "/" + item + ";endpoint=" + azurite.blobEndpoint();
    Properties info = new Properties();
    info.setProperty("accountKey", azurite.accountKey());
    try (Connection c = DriverManager.getConnection(url, info); Statement s = c.createStatement()) {
      assertEquals("jdbc:onelake://" + workspace + "/" + item, c.getMetaData().getURL());
      assertEquals(item, c.getCatalog());
      s.execute("CREATE TABLE t (id INT)");
      assertEquals(2, s.executeUpdate("INSERT INTO t VALUES (1), (2)"));
      try (ResultSet rs = s.executeQuery("SELECT SUM(id) FROM t")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getInt(1));
      }
    }
  }

  @Test
  void secretsNeverShownInUrlOrToString(AzuriteProcess azurite) throws SQLException {
    String url = "jdbc:onelake:" + azurite.newContainerUrl("driver") + "/lakehouse";
    Properties info = new Properties();
    info.setProperty("accountName", azurite.accountName());
    info.setProperty("accountKey", azurite.accountKey());
    String key = azurite.accountKey();
    try (Connection c = DriverManager.getConnection(url, info)) {
      DatabaseMetaData meta = c.getMetaData();
      assertEquals(url, meta.getURL());
      assertFalse(c.toString().contains(key), c.toString());
      assertFalse(meta.toString().contains(key), meta.toString());
      // the connection really works with the key
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INT)");
        assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (1)"));
      }
    }
    // the key given in the URL itself must not leak either
    try (Connection c = DriverManager.getConnection(url + ";accountName=" + azurite.accountName()
        + ";accountKey=" + key)) {
      assertEquals(url, c.getMetaData().getURL());
      assertFalse(c.getMetaData().getURL().contains(key));
      assertFalse(c.toString().contains(key), c.toString());
    }
  }

  @Test
  void badKeyFailsWithoutShowingIt(AzuriteProcess azurite) {
    String wrongKey = "V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXk=";
    String url = "jdbc:onelake:" + azurite.newContainerUrl("badkey") + "/lakehouse";
    Properties info = new Properties();
    info.setProperty("accountName", azurite.accountName());
    info.setProperty("accountKey", wrongKey);
    SQLException e = assertThrows(SQLException.class, () -> {
      try (Connection c = DriverManager.getConnection(url, info); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INT)");
      }
    });
    assertEquals("08004", e.getSQLState(), e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(wrongKey), t.getMessage());
    }
  }

  @Test
  void driverNameAndVersion() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:onelake:file:" + dir)) {
      DatabaseMetaData meta = c.getMetaData();
      assertEquals("onelake-jdbc", meta.getDriverName());
      assertEquals("0.1.0", meta.getDriverVersion());
      assertEquals(0, meta.getDriverMajorVersion());
      assertEquals(1, meta.getDriverMinorVersion());
      assertEquals("jdbc:onelake:file:" + dir, meta.getURL());
    }
  }
}
