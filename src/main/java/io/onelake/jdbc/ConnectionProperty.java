/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import io.onelake.auth.AuthMode;
import io.onelake.exec.SessionSetting;
import io.onelake.storage.StorageApi;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Connection properties the driver knows (SPEC §2, §3, §5). Any other property is an error that names
 * it, so that a typo is never silently ignored. Names match case-insensitively.
 */
public enum ConnectionProperty {
  AUTH("auth", false),
  /** {@code blob} (default) or {@code dfs}: the storage API (see {@code StorageApi}). */
  API("api", false),
  /** A service URL replacing the one of the location (OneLake regional hosts, emulators). */
  ENDPOINT("endpoint", false),
  ACCOUNT_NAME("accountName", false),
  ACCOUNT_KEY("accountKey", true),
  SAS_TOKEN("sasToken", true),
  ACCESS_TOKEN("accessToken", true),
  TENANT_ID("tenantId", false),
  CLIENT_ID("clientId", false),
  CLIENT_SECRET("clientSecret", true),
  CLIENT_CERTIFICATE_PATH("clientCertificatePath", false),
  CLIENT_CERTIFICATE_PASSWORD("clientCertificatePassword", true),
  USER("user", false),
  PASSWORD("password", true),
  TIME_ZONE("timeZone", false),
  QUOTING("quoting", false);

  private final String propertyName;
  private final boolean secret;

  ConnectionProperty(String propertyName, boolean secret) {
    this.propertyName = propertyName;
    this.secret = secret;
  }

  public String propertyName() {
    return propertyName;
  }

  /** The values a tool may offer in a list ({@code DriverPropertyInfo.choices}); empty if free text. */
  public List<String> choices() {
    return switch (this) {
      case AUTH -> Arrays.stream(AuthMode.values()).map(AuthMode::propertyValue).toList();
      case API -> Arrays.stream(StorageApi.values()).map(StorageApi::propertyValue).toList();
      case QUOTING -> List.of("double_quote", "backtick");
      default -> List.of();
    };
  }

  /** Secrets are never shown in URLs, logs or messages. */
  public boolean isSecret() {
    return secret;
  }

  public static Optional<ConnectionProperty> byName(String name) {
    for (ConnectionProperty property : values()) {
      if (property.propertyName.equalsIgnoreCase(name)) {
        return Optional.of(property);
      }
    }
    return Optional.empty();
  }

  /** Every accepted name: these properties and the session settings. */
  public static Set<String> allNames() {
    Set<String> names = new LinkedHashSet<>();
    for (ConnectionProperty property : values()) {
      names.add(property.propertyName);
    }
    for (SessionSetting setting : SessionSetting.values()) {
      names.add(setting.settingName());
    }
    return names;
  }

  static boolean isSecretName(String name) {
    return byName(name).map(ConnectionProperty::isSecret).orElse(false)
        || name.toLowerCase(Locale.ROOT).contains("secret")
        || name.toLowerCase(Locale.ROOT).contains("password")
        || name.toLowerCase(Locale.ROOT).contains("key")
        || name.toLowerCase(Locale.ROOT).contains("token");
  }
}
