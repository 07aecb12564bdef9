/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import com.google.common.collect.ImmutableMultimap;
import io.onelake.OneLakeException;
import io.onelake.OneLakeVersion;
import io.onelake.catalog.LakehouseCatalog;
import io.onelake.catalog.LakehouseSchema;
import io.onelake.catalog.DmlTargetMacro;
import io.onelake.catalog.HistoryMacro;
import io.onelake.catalog.TimeTravelMacro;
import io.onelake.exec.Session;
import io.onelake.exec.SessionSetting;
import io.onelake.sql.OneLakePrepare;
import io.onelake.sql.OneLakeTypeFactory;
import io.onelake.sql.OneLakeTypeSystem;
import io.onelake.sql.parser.TimeTravelCalls;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteFactory;
import org.apache.calcite.jdbc.OneLakeJdbcFactory;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.Driver;

/**
 * The {@code jdbc:onelake:} driver: Calcite's JDBC driver with our parser, planner rules, statement
 * router and lakehouse catalog. See docs/user-guide.md for URLs and properties.
 */
public final class OneLakeDriver extends Driver {
  private static final String SESSION_KEY = "onelake.session";

  static {
    // Calcite reads its default character set once, when its classes load; Delta strings are UTF-8.
    setIfAbsent("calcite.default.charset", "UTF-8");
    setIfAbsent("calcite.default.nationalcharset", "UTF-8");
    setIfAbsent("calcite.default.collation.name", "UTF-8$en_US");
    new OneLakeDriver().register();
    DriverWarmup.startOnce();
  }

  /** Sessions handed from connect() to createMeta(), which Avatica calls while building the connection. */
  private final Map<String, Session> opening = new ConcurrentHashMap<>();

  public OneLakeDriver() {
    super(OneLakePrepare::new);
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  @Override
  protected String getConnectStringPrefix() {
    return OneLakeUrl.PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion(OneLakeVersion.NAME, OneLakeVersion.VERSION, "OneLake Delta Lake",
        OneLakeVersion.VERSION, true, OneLakeVersion.MAJOR, OneLakeVersion.MINOR, OneLakeVersion.MAJOR,
        OneLakeVersion.MINOR);
  }

  @Override
  protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return OneLakeJdbcFactory.class.getName();
  }

  @Override
  public CalcitePrepare createPrepare() {
    return new OneLakePrepare();
  }

  /**
   * The properties this driver accepts, as tools such as DBeaver list them. Calcite's own list (its
   * and Avatica's enum names) would only offer properties that connect() rejects as unknown.
   */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    List<DriverPropertyInfo> properties = new ArrayList<>();
    for (String name : ConnectionProperty.allNames()) {
      String given = info == null ? null : info.getProperty(name);
      if (given == null) {
        given = SessionSetting.byName(name).map(SessionSetting::defaultValue).orElse(null);
      }
      DriverPropertyInfo property = new DriverPropertyInfo(name, given);
      property.required = false;
      ConnectionProperty.byName(name).map(ConnectionProperty::choices).filter(c -> !c.isEmpty())
          .ifPresent(choices -> property.choices = choices.toArray(new String[0]));
      properties.add(property);
    }
    return properties.toArray(new DriverPropertyInfo[0]);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    return connect(url, info, ProgrammaticSettings.none());
  }

  /** {@link #connect(String, Properties)} with the settings only a {@link OneLakeDataSource} can carry. */
  Connection connect(String url, Properties info, ProgrammaticSettings extras) throws SQLException {
    if (url == null || !acceptsURL(url)) {
      return null;
    }
    OneLakeUrl parsed;
    Session session;
    try {
      parsed = OneLakeUrl.parse(url, info);
      session = SessionFactory.open(parsed, extras);
    } catch (OneLakeException e) {
      throw toSqlException(e);
    }
    String key = UUID.randomUUID().toString();
    opening.put(key, session);
    try {
      Properties calcite = calciteProperties(parsed, key);
      LakehouseSchema root = new LakehouseSchema(session, ImmutableMultimap.of(
          TimeTravelCalls.AT_VERSION, TimeTravelMacro.atVersion(session.catalog(), session::timeZone),
          TimeTravelCalls.AT_TIMESTAMP, TimeTravelMacro.atTimestamp(session.catalog(), session::timeZone),
          DmlTargetMacro.NAME, new DmlTargetMacro(session.catalog()),
          HistoryMacro.NAME, new HistoryMacro(session.catalog(), session::timeZone)));
      CalciteSchema rootSchema = CalciteSchema.createRootSchema(false, true, "", root);
      AvaticaConnection connection = ((CalciteFactory) factory).newConnection(this, factory,
          parsed.displayUrl(), calcite, rootSchema, new OneLakeTypeFactory());
      handler.onConnectionInit(connection);
      connection.setSchema(LakehouseCatalog.DEFAULT_SCHEMA);
      connection.setCatalog(session.catalog().name());
      return connection;
    } catch (SQLException | RuntimeException e) {
      session.close();
      throw e instanceof SQLException ? (SQLException) e : toSqlException((RuntimeException) e);
    } finally {
      opening.remove(key);
    }
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    Meta calcite = super.createMeta(connection);
    String key = ((org.apache.calcite.jdbc.CalciteConnection) connection).getProperties()
        .getProperty(SESSION_KEY);
    Session session = key == null ? null : opening.get(key);
    if (session == null) {
      throw new IllegalStateException("connections must be opened through OneLakeDriver.connect");
    }
    return MetaInterceptor.wrap(calcite, session, connection);
  }

  private static Properties calciteProperties(OneLakeUrl url, String sessionKey) {
    Properties properties = new Properties();
    properties.setProperty("parserFactory", "io.onelake.sql.OneLakeParserFactory#INSTANCE");
    properties.setProperty("typeSystem", OneLakeTypeSystem.class.getName() + "#INSTANCE");
    properties.setProperty("caseSensitive", "false");
    // The MSSQL library brings TRY_CAST, which INSERT uses under onelake_safe_cast.
    properties.setProperty("fun", "standard,mssql");
    properties.setProperty("unquotedCasing", "UNCHANGED");
    properties.setProperty("quotedCasing", "UNCHANGED");
    String quoting = url.get(ConnectionProperty.QUOTING);
    if (quoting == null || quoting.equalsIgnoreCase("double_quote") || quoting.equals("\"")) {
      properties.setProperty("quoting", "DOUBLE_QUOTE");
    } else if (quoting.equalsIgnoreCase("backtick") || quoting.equals("`")) {
      properties.setProperty("quoting", "BACK_TICK");
    } else {
      throw new OneLakeException(OneLakeException.INVALID_CONNECTION_PROPERTY,
          "Invalid quoting '" + quoting + "': expected double_quote or backtick");
    }
    properties.setProperty("timeZone", SessionFactory.timeZone(url).getId());
    properties.setProperty(SESSION_KEY, sessionKey);
    return properties;
  }

  private static SQLException toSqlException(RuntimeException e) {
    return SqlErrors.toSqlException(e);
  }
}
