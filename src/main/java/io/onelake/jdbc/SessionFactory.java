/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import io.onelake.OneLakeException;
import io.onelake.auth.StaticTokenCredential;
import io.onelake.auth.StorageCredential;
import io.onelake.exec.Session;
import io.onelake.exec.SessionSetting;
import io.onelake.exec.SessionSettings;
import io.onelake.storage.LakehouseStorage;
import io.onelake.storage.StorageLocation;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Opens the {@link Session} a parsed URL describes: storage, credential, settings and time zone. */
final class SessionFactory {
  private SessionFactory() {}

  static Session open(OneLakeUrl url) {
    StorageLocation location = location(url);
    StorageCredential credential = credential(url, location);
    SessionSettings settings = settings(url);
    ZoneId zone = timeZone(url);
    LakehouseStorage storage;
    try {
      storage = LakehouseStorage.open(location, credential, Map.of());
    } catch (RuntimeException e) {
      throw new OneLakeException(OneLakeException.CONNECTION,
          "Cannot open lakehouse " + location + ": " + e.getMessage(), e);
    }
    return new Session(location.displayName(), storage, settings, zone);
  }

  static ZoneId timeZone(OneLakeUrl url) {
    String zone = url.get(ConnectionProperty.TIME_ZONE);
    if (zone == null || zone.isBlank()) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(zone.trim());
    } catch (DateTimeException e) {
      throw new OneLakeException(OneLakeException.INVALID_CONNECTION_PROPERTY,
          "Invalid timeZone '" + zone + "': expected a zone id such as UTC or Europe/Berlin");
    }
  }

  private static StorageLocation location(OneLakeUrl url) {
    String location = url.location();
    if (location.startsWith("//") || location.startsWith("abfss:") || location.startsWith("abfs:")) {
      throw new OneLakeException(OneLakeException.FEATURE_NOT_SUPPORTED, "OneLake workspace URLs and "
          + "abfss:// URLs (the ADLS Gen2 DFS API) are not supported yet; use a Blob endpoint URL "
          + "(https://<account>.blob.core.windows.net/<container>/<path>) or a file: URL");
    }
    try {
      return StorageLocation.parse(location);
    } catch (IllegalArgumentException e) {
      throw new OneLakeException(OneLakeException.CONNECTION,
          "Invalid lakehouse location in the URL: " + e.getMessage(), e);
    }
  }

  private static StorageCredential credential(OneLakeUrl url, StorageLocation location) {
    String auth = url.get(ConnectionProperty.AUTH);
    String accountKey = url.get(ConnectionProperty.ACCOUNT_KEY);
    String sas = url.get(ConnectionProperty.SAS_TOKEN);
    String token = url.get(ConnectionProperty.ACCESS_TOKEN);
    String user = url.get(ConnectionProperty.USER);
    if (auth == null || auth.isBlank()) {
      if (accountKey != null) {
        auth = "account_key";
      } else if (sas != null) {
        auth = "sas";
      } else if (token != null) {
        auth = "token";
      } else if (user != null && !user.isBlank()) {
        auth = "service_principal";
      } else {
        auth = "none";
      }
    }
    switch (auth.trim().toLowerCase(Locale.ROOT)) {
      case "none":
        return StorageCredential.none();
      case "account_key": {
        String account = url.get(ConnectionProperty.ACCOUNT_NAME);
        if (account == null && location.kind() == StorageLocation.Kind.BLOB) {
          account = location.accountName();
        }
        if (account == null || accountKey == null) {
          throw missing("auth=account_key", "accountName and accountKey");
        }
        return StorageCredential.sharedKey(account, accountKey);
      }
      case "sas":
        if (sas == null) {
          throw missing("auth=sas", "sasToken");
        }
        return StorageCredential.sas(sas);
      case "token":
        if (token == null) {
          throw missing("auth=token", "accessToken");
        }
        return StorageCredential.token(new StaticTokenCredential(token));
      case "default":
      case "service_principal":
      case "managed_identity":
      case "azure_cli":
      case "device_code":
      case "interactive":
        throw new OneLakeException(OneLakeException.FEATURE_NOT_SUPPORTED,
            "auth=" + auth + " (Entra ID) is not supported yet; use auth=account_key, sas or token");
      default:
        throw new OneLakeException(OneLakeException.INVALID_CONNECTION_PROPERTY, "Invalid auth '" + auth
            + "': expected one of none, account_key, sas, token, default, service_principal, "
            + "managed_identity, azure_cli, device_code, interactive");
    }
  }

  private static SessionSettings settings(OneLakeUrl url) {
    Map<SessionSetting, String> initial = new EnumMap<>(SessionSetting.class);
    for (SessionSetting setting : SessionSetting.values()) {
      String value = url.properties().get(setting.settingName());
      if (value != null) {
        initial.put(setting, value);
      }
    }
    return new SessionSettings(initial);
  }

  private static OneLakeException missing(String mode, String what) {
    return new OneLakeException(OneLakeException.INVALID_CONNECTION_PROPERTY,
        mode + " needs the connection properties " + what);
  }
}
