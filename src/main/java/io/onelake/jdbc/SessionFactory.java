/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.onelake.OneLakeException;
import io.onelake.auth.AuthMode;
import io.onelake.auth.CachingTokenCredential;
import io.onelake.auth.DeviceCodePrompt;
import io.onelake.auth.EntraCredentials;
import io.onelake.auth.EntraSettings;
import io.onelake.auth.StaticTokenCredential;
import io.onelake.auth.StorageCredential;
import io.onelake.exec.Session;
import io.onelake.exec.SessionSetting;
import io.onelake.exec.SessionSettings;
import io.onelake.storage.LakehouseStorage;
import io.onelake.storage.StorageApi;
import io.onelake.storage.StorageLocation;
import io.onelake.storage.StorageOptions;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/** Opens the {@link Session} a parsed URL describes: storage, credential, settings and time zone. */
final class SessionFactory {
  /** What an Entra ID sign-in at connect time asks for: the scope the storage clients request. */
  private static final String STORAGE_SCOPE = "https://storage.azure.com/.default";

  private SessionFactory() {}

  static Session open(OneLakeUrl url) {
    return open(url, ProgrammaticSettings.none());
  }

  static Session open(OneLakeUrl url, ProgrammaticSettings extras) {
    StorageLocation location = location(url);
    StorageOptions options = storageOptions(url, location, extras);
    StorageCredential credential = credential(url, location, extras);
    SessionSettings settings = settings(url);
    ZoneId zone = timeZone(url);
    LakehouseStorage storage;
    try {
      storage = LakehouseStorage.open(location, credential, options);
    } catch (RuntimeException e) {
      throw new OneLakeException(OneLakeException.CONNECTION,
          "Cannot open lakehouse " + location + ": " + url.scrub(e.getMessage()), e);
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

  /** The lakehouse root: the URL's location, on the {@code endpoint} property's service if given. */
  static StorageLocation location(OneLakeUrl url) {
    String raw = url.location();
    StorageLocation location;
    try {
      location = StorageLocation.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new OneLakeException(OneLakeException.CONNECTION,
          "Invalid lakehouse location in the URL: " + e.getMessage(), e);
    }
    String endpoint = url.get(ConnectionProperty.ENDPOINT);
    if (endpoint == null || endpoint.isBlank()) {
      return location;
    }
    if (!isServiceNeutral(raw)) {
      throw new OneLakeException(OneLakeException.INVALID_CONNECTION_PROPERTY, "The endpoint property applies "
          + "to jdbc:onelake://<workspace>/<item> and abfss:// URLs; an http(s) URL names its endpoint itself "
          + "and a file: URL has none");
    }
    try {
      return location.withServiceEndpoint(endpoint);
    } catch (IllegalArgumentException e) {
      throw new OneLakeException(OneLakeException.INVALID_CONNECTION_PROPERTY, "Invalid endpoint: " + e.getMessage(), e);
    }
  }

  /** OneLake item and abfss URLs name a lakehouse, not a service URL, so their endpoint may be replaced. */
  private static boolean isServiceNeutral(String rawLocation) {
    return rawLocation.startsWith("//") || rawLocation.regionMatches(true, 0, "abfss:", 0, 6);
  }

  private static StorageOptions storageOptions(OneLakeUrl url, StorageLocation location, ProgrammaticSettings extras) {
    StorageOptions options = StorageOptions.defaults();
    String api = url.get(ConnectionProperty.API);
    if (api != null && !api.isBlank()) {
      try {
        options = options.withApi(StorageApi.parse(api));
      } catch (IllegalArgumentException e) {
        throw new OneLakeException(OneLakeException.INVALID_CONNECTION_PROPERTY, e.getMessage());
      }
      if (options.api() != StorageApi.BLOB && location.kind() == StorageLocation.Kind.LOCAL) {
        throw new OneLakeException(OneLakeException.INVALID_CONNECTION_PROPERTY, "api=" + api.strip()
            + " applies to Azure storage URLs (OneLake, abfss://, https://), not to a local folder");
      }
    }
    return extras.sslContext().map(options::withSslContext).orElse(options);
  }

  private static StorageCredential credential(OneLakeUrl url, StorageLocation location, ProgrammaticSettings extras) {
    String auth = url.get(ConnectionProperty.AUTH);
    boolean authGiven = auth != null && !auth.isBlank();
    if (extras.tokenCredential().isPresent()) {
      if (authGiven) {
        throw new OneLakeException(OneLakeException.INVALID_CONNECTION_PROPERTY, "auth=" + auth.strip()
            + " conflicts with the TokenCredential set on the data source; leave auth unset");
      }
      return signIn(StorageCredential.token(CachingTokenCredential.of(extras.tokenCredential().get())),
          "the data source's TokenCredential", url);
    }
    AuthMode mode;
    try {
      mode = authGiven ? AuthMode.parse(auth) : inferredMode(url);
    } catch (IllegalArgumentException e) {
      throw new OneLakeException(OneLakeException.INVALID_CONNECTION_PROPERTY, e.getMessage());
    }
    String accountKey = url.get(ConnectionProperty.ACCOUNT_KEY);
    String sas = url.get(ConnectionProperty.SAS_TOKEN);
    String token = url.get(ConnectionProperty.ACCESS_TOKEN);
    switch (mode) {
      case NONE:
        return StorageCredential.none();
      case ACCOUNT_KEY: {
        String account = url.get(ConnectionProperty.ACCOUNT_NAME);
        if (account == null && location.kind() == StorageLocation.Kind.BLOB) {
          account = location.accountName();
        }
        if (account == null || accountKey == null) {
          throw missing("auth=account_key", "accountName and accountKey");
        }
        return StorageCredential.sharedKey(account, accountKey);
      }
      case SAS:
        if (sas == null) {
          throw missing("auth=sas", "sasToken");
        }
        return StorageCredential.sas(sas);
      case TOKEN:
        if (token == null) {
          throw missing("auth=token", "accessToken");
        }
        try {
          return StorageCredential.token(new StaticTokenCredential(token));
        } catch (IllegalArgumentException e) {
          throw new OneLakeException(OneLakeException.INVALID_CONNECTION_PROPERTY, "Invalid accessToken: it is empty");
        }
      default:
        TokenCredential entra;
        try {
          entra = EntraCredentials.create(mode, entraSettings(url), DeviceCodePrompt.toStandardError());
        } catch (IllegalArgumentException e) {
          throw new OneLakeException(OneLakeException.INVALID_CONNECTION_PROPERTY, url.scrub(e.getMessage()));
        }
        return signIn(StorageCredential.token(new CachingTokenCredential(entra)), "auth=" + mode.propertyValue(), url);
    }
  }

  /**
   * Without {@code auth}: the secret given decides; a bare OneLake or abfss URL signs in with the
   * default Entra ID chain (OneLake takes nothing else); any other location is anonymous.
   */
  private static AuthMode inferredMode(OneLakeUrl url) {
    if (url.get(ConnectionProperty.ACCOUNT_KEY) != null) {
      return AuthMode.ACCOUNT_KEY;
    }
    if (url.get(ConnectionProperty.SAS_TOKEN) != null) {
      return AuthMode.SAS;
    }
    if (url.get(ConnectionProperty.ACCESS_TOKEN) != null) {
      return AuthMode.TOKEN;
    }
    String user = url.get(ConnectionProperty.USER);
    if ((user != null && !user.isBlank()) || url.get(ConnectionProperty.CLIENT_SECRET) != null
        || url.get(ConnectionProperty.CLIENT_CERTIFICATE_PATH) != null) {
      return AuthMode.SERVICE_PRINCIPAL;
    }
    return isServiceNeutral(url.location()) ? AuthMode.DEFAULT : AuthMode.NONE;
  }

  /** {@code user} and {@code password} stand for client id and secret, for tools with only those fields. */
  private static EntraSettings entraSettings(OneLakeUrl url) {
    String clientId = url.get(ConnectionProperty.CLIENT_ID);
    String clientSecret = url.get(ConnectionProperty.CLIENT_SECRET);
    return new EntraSettings(
        url.get(ConnectionProperty.TENANT_ID),
        clientId == null || clientId.isBlank() ? url.get(ConnectionProperty.USER) : clientId,
        clientSecret == null || clientSecret.isBlank() ? url.get(ConnectionProperty.PASSWORD) : clientSecret,
        url.get(ConnectionProperty.CLIENT_CERTIFICATE_PATH),
        url.get(ConnectionProperty.CLIENT_CERTIFICATE_PASSWORD));
  }

  /**
   * Gets the first token now, so that a wrong secret or a cancelled sign-in fails the connect (as
   * tools expect when they test a connection) and device-code and browser sign-ins happen while the
   * user is looking. The token stays in the credential's cache for the storage clients.
   */
  private static StorageCredential signIn(StorageCredential credential, String what, OneLakeUrl url) {
    StorageCredential.Token token = (StorageCredential.Token) credential;
    try {
      // As the storage clients ask, so that MSAL gets a token they accept without asking again.
      token.tokenCredential().getTokenSync(new TokenRequestContext().addScopes(STORAGE_SCOPE).setCaeEnabled(true));
    } catch (RuntimeException e) {
      throw new OneLakeException(SqlErrors.AUTHENTICATION_FAILED, "Sign-in failed with " + what + ": "
          + url.scrub(String.valueOf(e.getMessage())), e);
    }
    return credential;
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
