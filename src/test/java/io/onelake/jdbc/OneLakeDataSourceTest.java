/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OneLakeDataSourceTest {
  @TempDir
  Path dir;

  private Path lake;

  @BeforeEach
  void createLake() throws Exception {
    lake = Files.createDirectories(dir.resolve("lake"));
  }

  private static String setting(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SETTINGS")) {
      while (rs.next()) {
        if (rs.getString(1).equals(name)) {
          return rs.getString(2);
        }
      }
    }
    throw new AssertionError("SHOW SETTINGS has no " + name);
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  /** Every connection property can be set as a bean property, and reaches the driver under its name. */
  @Test
  void everyConnectionPropertyIsABeanProperty() throws Exception {
    java.util.Map<String, java.beans.PropertyDescriptor> beans = new java.util.HashMap<>();
    for (java.beans.PropertyDescriptor d : java.beans.Introspector.getBeanInfo(OneLakeDataSource.class).getPropertyDescriptors()) {
      beans.put(d.getName(), d);
    }
    for (ConnectionProperty property : ConnectionProperty.values()) {
      java.beans.PropertyDescriptor bean = beans.get(property.propertyName());
      assertTrue(bean != null && bean.getReadMethod() != null && bean.getWriteMethod() != null,
          "no bean property for " + property.propertyName());
      OneLakeDataSource ds = new OneLakeDataSource();
      bean.getWriteMethod().invoke(ds, "value-of-" + property.propertyName());
      assertEquals("value-of-" + property.propertyName(), bean.getReadMethod().invoke(ds));
    }
  }

  @Test
  void locationAndSettingsReachTheSession() throws Exception {
    OneLakeDataSource ds = new OneLakeDataSource();
    ds.setLocation("file:" + lake);
    ds.setOnelakeParquetCompression("zstd");
    ds.setOnelakeInsertMode("overwrite");
    ds.setOnelakeWriteBatchSize("500");
    try (Connection c = ds.getConnection()) {
      assertEquals("zstd", setting(c, "onelake_parquet_compression"));
      assertEquals("overwrite", setting(c, "onelake_insert_mode"));
      assertEquals("500", setting(c, "onelake_write_batch_size"));
      // Unset properties are not passed: the defaults stay.
      assertEquals("false", setting(c, "onelake_safe_cast"));
      assertEquals("lake", c.getCatalog());
    }
    // Setting a property back to null stops passing it.
    ds.setOnelakeParquetCompression(null);
    try (Connection c = ds.getConnection()) {
      assertEquals("snappy", setting(c, "onelake_parquet_compression"));
    }
  }

  @Test
  void urlFormAndUrlWinsOverLocation() throws Exception {
    OneLakeDataSource ds = new OneLakeDataSource();
    ds.setLocation("file:" + dir.resolve("not-this-one"));
    ds.setUrl("jdbc:onelake:file:" + lake + ";onelake_insert_mode=error_if_exists");
    // The URL's own properties win over the bean's.
    ds.setOnelakeInsertMode("ignore");
    ds.setOnelakeSafeCast("true");
    try (Connection c = ds.getConnection()) {
      assertEquals("error_if_exists", setting(c, "onelake_insert_mode"));
      assertEquals("true", setting(c, "onelake_safe_cast"));
      assertEquals("jdbc:onelake:file:" + lake, c.getMetaData().getURL());
    }
    assertTrue(new OneLakeDataSource("jdbc:onelake:file:" + lake).getUrl().startsWith("jdbc:onelake:"));
    assertEquals("file:" + lake, new OneLakeDataSource("file:" + lake).getLocation());
  }

  @Test
  void missingUrlAndLocationIs08001() {
    OneLakeDataSource ds = new OneLakeDataSource();
    SQLException e = assertThrows(SQLException.class, ds::getConnection);
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("url") && e.getMessage().contains("location"), e.getMessage());
    ds.setUrl("jdbc:postgresql://localhost/x");
    assertEquals("08001", assertThrows(SQLException.class, ds::getConnection).getSQLState());
    assertEquals("08001", assertThrows(SQLException.class, ds::getPooledConnection).getSQLState());
  }

  @Test
  void badSettingValueIsTheDriversError() {
    OneLakeDataSource ds = new OneLakeDataSource("file:" + lake);
    ds.setOnelakeParquetCompression("lz4");
    SQLException e = assertThrows(SQLException.class, ds::getConnection);
    assertTrue(e.getMessage().contains("onelake_parquet_compression"), e.getMessage());
    ds.setOnelakeParquetCompression("gzip");
    ds.setOnelakeWriteBatchSize("lots");
    e = assertThrows(SQLException.class, ds::getConnection);
    assertTrue(e.getMessage().contains("onelake_write_batch_size"), e.getMessage());
    ds.setOnelakeWriteBatchSize(null);
    ds.setQuoting("brackets");
    e = assertThrows(SQLException.class, ds::getConnection);
    assertTrue(e.getMessage().contains("quoting"), e.getMessage());
  }

  @Test
  void toStringMasksSecrets() throws Exception {
    OneLakeDataSource ds = new OneLakeDataSource();
    ds.setUrl("jdbc:onelake:abfss://c@acct.dfs.core.windows.net/lh;accountKey=URLKEY1;auth=key");
    ds.setAccountName("acct");
    ds.setAccountKey("BEANKEY2");
    ds.setSasToken("SAS3");
    ds.setAccessToken("TOKEN4");
    ds.setClientSecret("CLIENTSECRET5");
    ds.setPassword("PASSWORD6");
    ds.setUser("someone");
    String text = ds.toString();
    for (String secret : List.of("URLKEY1", "BEANKEY2", "SAS3", "TOKEN4", "CLIENTSECRET5", "PASSWORD6")) {
      assertFalse(text.contains(secret), text);
    }
    assertTrue(text.contains("acct") && text.contains("someone") && text.contains("auth=key"), text);
    assertTrue(text.contains("accountKey=***"), text);
    // The getters still return the values: masking is for display only.
    assertEquals("BEANKEY2", ds.getAccountKey());
    assertEquals("jdbc:onelake:file:/x?sasToken=***&timeZone=UTC",
        OneLakeDataSource.maskUrl("jdbc:onelake:file:/x?sasToken=abc&timeZone=UTC"));
  }

  @Test
  void serializesWithItsConfiguration() throws Exception {
    OneLakeDataSource ds = new OneLakeDataSource("file:" + lake);
    ds.setOnelakeParquetCompression("zstd");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ds);
    }
    OneLakeDataSource copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (OneLakeDataSource) in.readObject();
    }
    try (Connection c = copy.getConnection()) {
      assertEquals("zstd", setting(c, "onelake_parquet_compression"));
    }
    assertTrue(copy.isWrapperFor(DataSource.class));
    assertEquals(copy, copy.unwrap(OneLakeDataSource.class));
    assertThrows(SQLException.class, () -> copy.unwrap(String.class));
  }

  /** Counts the events a pool manager would see. */
  private static final class Events implements ConnectionEventListener {
    final AtomicInteger closed = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();

    @Override
    public void connectionClosed(ConnectionEvent event) {
      closed.incrementAndGet();
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
      errors.incrementAndGet();
    }
  }

  @Test
  void logicalCloseFiresClosedAndKeepsThePhysicalConnection() throws Exception {
    OneLakeDataSource ds = new OneLakeDataSource("file:" + lake);
    PooledConnection pooled = ds.getPooledConnection();
    Events events = new Events();
    pooled.addConnectionEventListener(events);

    Connection first = pooled.getConnection();
    try (Statement s = first.createStatement()) {
      s.execute("CREATE TABLE t (id INT)");
      s.execute("INSERT INTO t VALUES (1)");
    }
    first.close();
    assertEquals(1, events.closed.get());
    assertTrue(first.isClosed());
    assertEquals("08003", assertThrows(SQLException.class, first::createStatement).getSQLState());
    first.close();
    assertEquals(1, events.closed.get(), "a second close() of the same handle fires nothing");

    Connection second = pooled.getConnection();
    assertNotSame(first, second);
    assertFalse(second.isClosed());
    assertEquals(1, count(second, "t"));
    // Uncommitted work is rolled back when the handle is released, so the next borrower starts clean.
    second.setAutoCommit(false);
    try (Statement s = second.createStatement()) {
      s.execute("INSERT INTO t VALUES (2)");
    }
    second.close();
    assertEquals(2, events.closed.get());

    Connection third = pooled.getConnection();
    assertTrue(third.getAutoCommit());
    assertEquals(1, count(third, "t"));
    // A new handle closes the one still open, without an event: the pool still owns the connection.
    Connection fourth = pooled.getConnection();
    assertTrue(third.isClosed());
    assertFalse(fourth.isClosed());
    assertEquals(2, events.closed.get());
    assertEquals(1, count(fourth, "t"));
    assertEquals(0, events.errors.get());

    pooled.removeConnectionEventListener(events);
    fourth.close();
    assertEquals(2, events.closed.get());
    pooled.close();
    assertThrows(SQLException.class, pooled::getConnection);
  }

  @Test
  void hikariConfiguresTheBeanByClassNameAndProperties() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setDataSourceClassName(OneLakeDataSource.class.getName());
    config.addDataSourceProperty("location", "file:" + lake);
    config.addDataSourceProperty("onelakeParquetCompression", "gzip");
    config.setMaximumPoolSize(1);
    try (HikariDataSource pool = new HikariDataSource(config); Connection c = pool.getConnection()) {
      assertEquals("gzip", setting(c, "onelake_parquet_compression"));
    }
  }

  @Test
  void hikariPoolRunsStatementsWithConcurrentBorrowers() throws Exception {
    OneLakeDataSource source = new OneLakeDataSource("file:" + lake);
    source.setOnelakeParquetCompression("zstd");
    // Each pooled connection is its own session with its own snapshot cache; without this a borrower
    // may read a table as another connection last saw it, up to the TTL (5 s) ago.
    source.setOnelakeMetadataCacheTtl("0");
    HikariConfig config = new HikariConfig();
    config.setDataSource(source);
    config.setMaximumPoolSize(3);
    config.setPoolName("onelake-test");
    config.setConnectionTimeout(30_000);
    int borrowers = 4;
    int rounds = 3;
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (Connection c = pool.getConnection()) {
        assertEquals("zstd", setting(c, "onelake_parquet_compression"));
      }
      ExecutorService executor = Executors.newFixedThreadPool(borrowers);
      try {
        List<Future<Long>> results = new ArrayList<>();
        for (int b = 0; b < borrowers; b++) {
          String table = "t" + b;
          results.add(executor.submit(() -> {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
              s.execute("CREATE TABLE " + table + " (id INT, name STRING)");
            }
            for (int r = 0; r < rounds; r++) {
              // A fresh borrow each round, so connections move between threads.
              try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO " + table + " VALUES (" + r + ", 'row " + r + "')");
              }
            }
            try (Connection c = pool.getConnection()) {
              return count(c, table);
            }
          }));
        }
        for (Future<Long> result : results) {
          assertEquals(rounds, result.get(2, TimeUnit.MINUTES));
        }
      } finally {
        executor.shutdownNow();
      }
      try (Connection c = pool.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT SUM(id) FROM t0")) {
        assertTrue(rs.next());
        assertEquals(0 + 1 + 2, rs.getLong(1));
      }
      assertTrue(pool.getHikariPoolMXBean().getTotalConnections() <= 3);
    }
  }
}
