/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQL on a real OneLake item or ADLS Gen2 account through both APIs: create, insert, read and drop
 * a table of its own. Runs only when ONELAKE_TEST_URL is set (see docs/user-guide.md, "Live
 * tests"); signs in with ONELAKE_TEST_ACCOUNT_KEY if given, else with the default Entra ID chain.
 */
@EnabledIfEnvironmentVariable(named = "ONELAKE_TEST_URL", matches = ".+")
class OneLakeLiveTest {
  @ParameterizedTest
  @ValueSource(strings = {"dfs", "blob"})
  void createInsertSelectDrop(String api) throws SQLException {
    Properties info = new Properties();
    info.setProperty("api", api);
    info.setProperty("onelake_allow_destructive_operations", "true");
    String key = System.getenv("ONELAKE_TEST_ACCOUNT_KEY");
    if (key != null && !key.isBlank()) {
      info.setProperty("accountKey", key);
    } else {
      info.setProperty("auth", "default");
    }
    String table = "onelake_jdbc_live_" + api + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection("jdbc:onelake:" + System.getenv("ONELAKE_TEST_URL"), info);
        Statement s = c.createStatement()) {
      try {
        s.execute("CREATE TABLE " + table + " (id INT, name VARCHAR) PARTITIONED BY (name)");
        assertEquals(3, s.executeUpdate("INSERT INTO " + table + " VALUES (1, 'a'), (2, 'b'), (3, 'a')"));
        try (ResultSet rs = s.executeQuery("SELECT name, SUM(id) FROM " + table + " GROUP BY name ORDER BY name")) {
          assertTrue(rs.next());
          assertEquals("a", rs.getString(1));
          assertEquals(4, rs.getInt(2));
          assertTrue(rs.next());
          assertEquals(2, rs.getInt(2));
          assertFalse(rs.next());
        }
      } finally {
        s.execute("DROP TABLE IF EXISTS " + table);
      }
      try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
        assertFalse(rs.next(), "dropped");
      }
    }
  }
}
