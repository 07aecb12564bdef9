/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.TokenCredential;
import io.onelake.auth.CachingTokenCredential;
import io.onelake.exec.SessionSetting;
import java.io.PrintWriter;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.PooledConnection;

/**
 * A JavaBean {@link DataSource} for {@code jdbc:onelake:} connections, for pools and application servers
 * that configure a data source by its properties instead of a URL.
 *
 * <p>Set either {@code url} (the full {@code jdbc:onelake:} URL) or {@code location} (the part after
 * the prefix); {@code url} wins when both are set. Every connection property and session setting has a
 * String property here (e.g. {@code onelakeParquetCompression} for {@code onelake_parquet_compression});
 * values are passed to the driver unchanged, so the driver alone decides what is valid, and properties
 * left unset (null) are not passed at all. Properties in the URL win over the bean's.
 */
public final class OneLakeDataSource implements DataSource, ConnectionPoolDataSource, Serializable {
  private static final long serialVersionUID = 1L;

  private String url;
  private String location;
  /** Driver property name to value; a LinkedHashMap so that toString is stable. */
  private final LinkedHashMap<String, String> properties = new LinkedHashMap<>();
  private int loginTimeout;
  // A writer is not serializable, and the driver logs through slf4j anyway.
  private transient PrintWriter logWriter;
  // Objects, not strings: set in code, never serialized with the bean (a credential must not be).
  private transient TokenCredential tokenCredential;
  // One cache for all connections of this data source, so a pool signs in once per token lifetime.
  private transient CachingTokenCredential cachingCredential;
  private transient SSLContext sslContext;

  public OneLakeDataSource() {
  }

  /** A data source for a URL or a location (anything not starting with {@code jdbc:onelake:}). */
  public OneLakeDataSource(String urlOrLocation) {
    requireNonNull(urlOrLocation, "urlOrLocation");
    if (urlOrLocation.startsWith(OneLakeUrl.PREFIX)) {
      url = urlOrLocation;
    } else {
      location = urlOrLocation;
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connect(connectionProperties(null, null));
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return connect(connectionProperties(username, password));
  }

  @Override
  public PooledConnection getPooledConnection() throws SQLException {
    return new OneLakePooledConnection(getConnection());
  }

  @Override
  public PooledConnection getPooledConnection(String username, String password) throws SQLException {
    return new OneLakePooledConnection(getConnection(username, password));
  }

  private Connection connect(Properties info) throws SQLException {
    String target = effectiveUrl();
    Connection connection = new OneLakeDriver().connect(target, info, new ProgrammaticSettings(cachingCredential, sslContext));
    if (connection == null) {
      // connect() answers null for a URL that is not ours; a data source has no other driver to try.
      throw new SQLException("Not a onelake URL: it must start with " + OneLakeUrl.PREFIX, "08001");
    }
    return connection;
  }

  /** The URL to connect to: {@code url}, else the prefix and {@code location}. */
  private String effectiveUrl() throws SQLException {
    if (url != null && !url.isBlank()) {
      return url.trim();
    }
    if (location != null && !location.isBlank()) {
      return OneLakeUrl.PREFIX + location.trim();
    }
    throw new SQLException("OneLakeDataSource has neither url nor location set: set url (e.g. "
        + "jdbc:onelake:file:/path/to/lakehouse) or location (e.g. file:/path/to/lakehouse)", "08001");
  }

  private Properties connectionProperties(String username, String password) {
    Properties info = new Properties();
    info.putAll(properties);
    // Explicit credentials override the bean's, as DataSource.getConnection(user, password) promises.
    if (username != null) {
      info.setProperty(ConnectionProperty.USER.propertyName(), username);
    }
    if (password != null) {
      info.setProperty(ConnectionProperty.PASSWORD.propertyName(), password);
    }
    return info;
  }

  private void put(String name, String value) {
    if (value == null) {
      properties.remove(name);
    } else {
      properties.put(name, value);
    }
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public String getAuth() {
    return properties.get(ConnectionProperty.AUTH.propertyName());
  }

  public void setAuth(String auth) {
    put(ConnectionProperty.AUTH.propertyName(), auth);
  }

  public String getAccountName() {
    return properties.get(ConnectionProperty.ACCOUNT_NAME.propertyName());
  }

  public void setAccountName(String accountName) {
    put(ConnectionProperty.ACCOUNT_NAME.propertyName(), accountName);
  }

  public String getAccountKey() {
    return properties.get(ConnectionProperty.ACCOUNT_KEY.propertyName());
  }

  public void setAccountKey(String accountKey) {
    put(ConnectionProperty.ACCOUNT_KEY.propertyName(), accountKey);
  }

  public String getSasToken() {
    return properties.get(ConnectionProperty.SAS_TOKEN.propertyName());
  }

  public void setSasToken(String sasToken) {
    put(ConnectionProperty.SAS_TOKEN.propertyName(), sasToken);
  }

  public String getAccessToken() {
    return properties.get(ConnectionProperty.ACCESS_TOKEN.propertyName());
  }

  public void setAccessToken(String accessToken) {
    put(ConnectionProperty.ACCESS_TOKEN.propertyName(), accessToken);
  }

  public String getTenantId() {
    return properties.get(ConnectionProperty.TENANT_ID.propertyName());
  }

  public void setTenantId(String tenantId) {
    put(ConnectionProperty.TENANT_ID.propertyName(), tenantId);
  }

  public String getClientId() {
    return properties.get(ConnectionProperty.CLIENT_ID.propertyName());
  }

  public void setClientId(String clientId) {
    put(ConnectionProperty.CLIENT_ID.propertyName(), clientId);
  }

  public String getClientSecret() {
    return properties.get(ConnectionProperty.CLIENT_SECRET.propertyName());
  }

  public void setClientSecret(String clientSecret) {
    put(ConnectionProperty.CLIENT_SECRET.propertyName(), clientSecret);
  }

  public String getClientCertificatePath() {
    return properties.get(ConnectionProperty.CLIENT_CERTIFICATE_PATH.propertyName());
  }

  public void setClientCertificatePath(String clientCertificatePath) {
    put(ConnectionProperty.CLIENT_CERTIFICATE_PATH.propertyName(), clientCertificatePath);
  }

  public String getUser() {
    return properties.get(ConnectionProperty.USER.propertyName());
  }

  public void setUser(String user) {
    put(ConnectionProperty.USER.propertyName(), user);
  }

  public String getPassword() {
    return properties.get(ConnectionProperty.PASSWORD.propertyName());
  }

  public void setPassword(String password) {
    put(ConnectionProperty.PASSWORD.propertyName(), password);
  }

  public String getClientCertificatePassword() {
    return properties.get(ConnectionProperty.CLIENT_CERTIFICATE_PASSWORD.propertyName());
  }

  public void setClientCertificatePassword(String clientCertificatePassword) {
    put(ConnectionProperty.CLIENT_CERTIFICATE_PASSWORD.propertyName(), clientCertificatePassword);
  }

  public String getApi() {
    return properties.get(ConnectionProperty.API.propertyName());
  }

  public void setApi(String api) {
    put(ConnectionProperty.API.propertyName(), api);
  }

  public String getEndpoint() {
    return properties.get(ConnectionProperty.ENDPOINT.propertyName());
  }

  public void setEndpoint(String endpoint) {
    put(ConnectionProperty.ENDPOINT.propertyName(), endpoint);
  }

  /**
   * A credential the application signs in with itself (any azure-identity credential, or its own),
   * instead of {@code auth}; tokens are cached and renewed before expiry like the driver's own, in
   * one cache shared by all connections of this data source.
   */
  public TokenCredential getTokenCredential() {
    return tokenCredential;
  }

  public void setTokenCredential(TokenCredential tokenCredential) {
    this.tokenCredential = tokenCredential;
    this.cachingCredential = tokenCredential == null ? null : CachingTokenCredential.of(tokenCredential);
  }

  /** The TLS trust for storage requests (e.g. a private CA), instead of the JVM's default trust store. */
  public SSLContext getSslContext() {
    return sslContext;
  }

  public void setSslContext(SSLContext sslContext) {
    this.sslContext = sslContext;
  }

  public String getTimeZone() {
    return properties.get(ConnectionProperty.TIME_ZONE.propertyName());
  }

  public void setTimeZone(String timeZone) {
    put(ConnectionProperty.TIME_ZONE.propertyName(), timeZone);
  }

  public String getQuoting() {
    return properties.get(ConnectionProperty.QUOTING.propertyName());
  }

  public void setQuoting(String quoting) {
    put(ConnectionProperty.QUOTING.propertyName(), quoting);
  }

  public String getOnelakeInsertMode() {
    return properties.get(SessionSetting.INSERT_MODE.settingName());
  }

  public void setOnelakeInsertMode(String onelakeInsertMode) {
    put(SessionSetting.INSERT_MODE.settingName(), onelakeInsertMode);
  }

  public String getOnelakeSchemaMode() {
    return properties.get(SessionSetting.SCHEMA_MODE.settingName());
  }

  public void setOnelakeSchemaMode(String onelakeSchemaMode) {
    put(SessionSetting.SCHEMA_MODE.settingName(), onelakeSchemaMode);
  }

  public String getOnelakeSafeCast() {
    return properties.get(SessionSetting.SAFE_CAST.settingName());
  }

  public void setOnelakeSafeCast(String onelakeSafeCast) {
    put(SessionSetting.SAFE_CAST.settingName(), onelakeSafeCast);
  }

  public String getOnelakeTargetFileSize() {
    return properties.get(SessionSetting.TARGET_FILE_SIZE.settingName());
  }

  public void setOnelakeTargetFileSize(String onelakeTargetFileSize) {
    put(SessionSetting.TARGET_FILE_SIZE.settingName(), onelakeTargetFileSize);
  }

  public String getOnelakeWriteBatchSize() {
    return properties.get(SessionSetting.WRITE_BATCH_SIZE.settingName());
  }

  public void setOnelakeWriteBatchSize(String onelakeWriteBatchSize) {
    put(SessionSetting.WRITE_BATCH_SIZE.settingName(), onelakeWriteBatchSize);
  }

  public String getOnelakeParquetCompression() {
    return properties.get(SessionSetting.PARQUET_COMPRESSION.settingName());
  }

  public void setOnelakeParquetCompression(String onelakeParquetCompression) {
    put(SessionSetting.PARQUET_COMPRESSION.settingName(), onelakeParquetCompression);
  }

  public String getOnelakeAllowDestructiveOperations() {
    return properties.get(SessionSetting.ALLOW_DESTRUCTIVE_OPERATIONS.settingName());
  }

  public void setOnelakeAllowDestructiveOperations(String onelakeAllowDestructiveOperations) {
    put(SessionSetting.ALLOW_DESTRUCTIVE_OPERATIONS.settingName(), onelakeAllowDestructiveOperations);
  }

  public String getOnelakeMetadataCacheTtl() {
    return properties.get(SessionSetting.METADATA_CACHE_TTL.settingName());
  }

  public void setOnelakeMetadataCacheTtl(String onelakeMetadataCacheTtl) {
    put(SessionSetting.METADATA_CACHE_TTL.settingName(), onelakeMetadataCacheTtl);
  }

  public String getOnelakeVacuumRetentionCheck() {
    return properties.get(SessionSetting.VACUUM_RETENTION_CHECK.settingName());
  }

  public void setOnelakeVacuumRetentionCheck(String onelakeVacuumRetentionCheck) {
    put(SessionSetting.VACUUM_RETENTION_CHECK.settingName(), onelakeVacuumRetentionCheck);
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  /**
   * Kept for the DataSource contract; opening a connection does no network login of its own (storage
   * is reached lazily by the storage clients, which have their own timeouts), so it is not enforced.
   */
  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("The driver logs through slf4j, not java.util.logging");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface != null && iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("OneLakeDataSource does not implement " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface != null && iface.isInstance(this);
  }

  /** The configuration with every secret masked, including any secret written into the URL. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("OneLakeDataSource[");
    if (url != null) {
      text.append("url=").append(maskUrl(url));
    } else {
      text.append("location=").append(location);
    }
    for (Map.Entry<String, String> entry : properties.entrySet()) {
      text.append(", ").append(entry.getKey()).append('=')
          .append(ConnectionProperty.isSecretName(entry.getKey()) ? "***" : entry.getValue());
    }
    if (tokenCredential != null) {
      // The class name only: an application's credential may print more than it should.
      text.append(", tokenCredential=").append(tokenCredential.getClass().getSimpleName());
    }
    return text.append(']').toString();
  }

  /** Masks the value of every secret-looking {@code key=value} pair after the location. */
  static String maskUrl(String url) {
    int start = firstIndex(url, ';', '?');
    if (start < 0) {
      return url;
    }
    StringBuilder masked = new StringBuilder(url.substring(0, start));
    int i = start;
    while (i < url.length()) {
      char separator = url.charAt(i);
      int end = firstIndex(url.substring(i + 1), ';', '&');
      String pair = end < 0 ? url.substring(i + 1) : url.substring(i + 1, i + 1 + end);
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      masked.append(separator);
      masked.append(eq >= 0 && ConnectionProperty.isSecretName(key.trim()) ? key + "=***" : pair);
      i = end < 0 ? url.length() : i + 1 + end;
    }
    return masked.toString();
  }

  private static int firstIndex(String text, char a, char b) {
    int x = text.indexOf(a);
    int y = text.indexOf(b);
    return x < 0 ? y : y < 0 ? x : Math.min(x, y);
  }
}
