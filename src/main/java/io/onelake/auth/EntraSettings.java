/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.auth;

/**
 * What an Entra ID sign-in may need, as given in the connection properties of the same names. Any
 * field may be null. {@link #toString()} shows which secrets are present, never their values.
 */
public record EntraSettings(
    String tenantId,
    String clientId,
    String clientSecret,
    String clientCertificatePath,
    String clientCertificatePassword) {

  /** Blank strings count as absent: BI tools send empty user and password fields. */
  public EntraSettings {
    tenantId = blankToNull(tenantId);
    clientId = blankToNull(clientId);
    clientSecret = blankToNull(clientSecret);
    clientCertificatePath = blankToNull(clientCertificatePath);
    clientCertificatePassword = blankToNull(clientCertificatePassword);
  }

  public static EntraSettings none() {
    return new EntraSettings(null, null, null, null, null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "EntraSettings[tenantId=" + tenantId + ", clientId=" + clientId
        + ", clientSecret=" + (clientSecret == null ? "absent" : "***")
        + ", clientCertificatePath=" + clientCertificatePath
        + ", clientCertificatePassword=" + (clientCertificatePassword == null ? "absent" : "***") + "]";
  }
}
