/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code auth} connection property (SPEC §3): how the driver authenticates to storage. */
public enum AuthMode {
  NONE(false),
  ACCOUNT_KEY(false),
  SAS(false),
  TOKEN(false),
  DEFAULT(true),
  SERVICE_PRINCIPAL(true),
  MANAGED_IDENTITY(true),
  AZURE_CLI(true),
  DEVICE_CODE(true),
  INTERACTIVE(true);

  private final boolean entraId;

  AuthMode(boolean entraId) {
    this.entraId = entraId;
  }

  /** Whether tokens come from an Entra ID sign-in (azure-identity) rather than a fixed secret. */
  public boolean isEntraId() {
    return entraId;
  }

  /** The value as written in a URL, e.g. {@code service_principal}. */
  public String propertyValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a property value, any case.
   *
   * @throws IllegalArgumentException naming the value and every allowed one
   */
  public static AuthMode parse(String value) {
    String normalized = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    for (AuthMode mode : values()) {
      if (mode.propertyValue().equals(normalized)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("Invalid auth '" + value + "': expected one of " + allowedValues());
  }

  public static String allowedValues() {
    return Arrays.stream(values()).map(AuthMode::propertyValue).collect(Collectors.joining(", "));
  }
}
