/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.auth;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.DeviceCodeInfo;
import com.azure.identity.InteractiveBrowserCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Builds the azure-identity {@link TokenCredential} of an Entra ID {@link AuthMode} from {@link
 * EntraSettings}. Nothing is requested here: the credentials sign in on their first token request.
 * Invalid or missing settings fail with an {@link IllegalArgumentException} that names the
 * connection property (never its value when it is a secret).
 */
public final class EntraCredentials {
  private EntraCredentials() {}

  public static TokenCredential create(AuthMode mode, EntraSettings settings, Consumer<DeviceCodeInfo> deviceCodePrompt) {
    requireNonNull(mode, "mode is null");
    requireNonNull(settings, "settings is null");
    requireNonNull(deviceCodePrompt, "deviceCodePrompt is null");
    return switch (mode) {
      case DEFAULT -> defaultChain(settings);
      case SERVICE_PRINCIPAL -> servicePrincipal(settings);
      case MANAGED_IDENTITY -> managedIdentity(settings);
      case AZURE_CLI -> azureCli(settings);
      case DEVICE_CODE -> deviceCode(settings, deviceCodePrompt);
      case INTERACTIVE -> interactive(settings);
      default -> throw new IllegalArgumentException("auth=" + mode.propertyValue() + " is not an Entra ID sign-in");
    };
  }

  /** Environment, workload identity, managed identity, Azure CLI, … in azure-identity's order. */
  private static TokenCredential defaultChain(EntraSettings s) {
    DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder();
    if (s.tenantId() != null) {
      builder.tenantId(s.tenantId());
    }
    if (s.clientId() != null) {
      // In the chain, a client id can only select a user-assigned managed identity.
      builder.managedIdentityClientId(s.clientId());
    }
    return builder.build();
  }

  private static TokenCredential servicePrincipal(EntraSettings s) {
    String mode = "auth=service_principal";
    require(s.tenantId(), mode, "tenantId");
    require(s.clientId(), mode, "clientId (or user)");
    if (s.clientSecret() != null && s.clientCertificatePath() != null) {
      throw new IllegalArgumentException(mode + " takes either clientSecret (or password) or "
          + "clientCertificatePath, not both");
    }
    if (s.clientCertificatePath() != null) {
      return certificate(s);
    }
    require(s.clientSecret(), mode, "clientSecret (or password) or clientCertificatePath");
    return new ClientSecretCredentialBuilder()
        .tenantId(s.tenantId())
        .clientId(s.clientId())
        .clientSecret(s.clientSecret())
        .build();
  }

  /** A PEM file (certificate and private key) or a PKCS#12 file, optionally with a password. */
  private static TokenCredential certificate(EntraSettings s) {
    String file = s.clientCertificatePath();
    Path path;
    try {
      path = Paths.get(file);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("Invalid clientCertificatePath '" + file + "': not a file path");
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException("clientCertificatePath '" + file + "' is not a readable file");
    }
    ClientCertificateCredentialBuilder builder = new ClientCertificateCredentialBuilder()
        .tenantId(s.tenantId())
        .clientId(s.clientId());
    if (file.toLowerCase(Locale.ROOT).endsWith(".pem")) {
      if (s.clientCertificatePassword() != null) {
        throw new IllegalArgumentException("clientCertificatePassword applies to PKCS#12 (.pfx/.p12) "
            + "certificates; a .pem file must hold an unencrypted key");
      }
      builder.pemCertificate(path.toString());
    } else {
      builder.pfxCertificate(path.toString());
      if (s.clientCertificatePassword() != null) {
        builder.clientCertificatePassword(s.clientCertificatePassword());
      }
    }
    return builder.build();
  }

  private static TokenCredential managedIdentity(EntraSettings s) {
    ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder();
    if (s.clientId() != null) {
      builder.clientId(s.clientId()); // a user-assigned identity; without it, the system-assigned one
    }
    return builder.build();
  }

  private static TokenCredential azureCli(EntraSettings s) {
    AzureCliCredentialBuilder builder = new AzureCliCredentialBuilder();
    if (s.tenantId() != null) {
      builder.tenantId(s.tenantId());
    }
    return builder.build();
  }

  private static TokenCredential deviceCode(EntraSettings s, Consumer<DeviceCodeInfo> prompt) {
    DeviceCodeCredentialBuilder builder = new DeviceCodeCredentialBuilder().challengeConsumer(prompt);
    if (s.tenantId() != null) {
      builder.tenantId(s.tenantId());
    }
    if (s.clientId() != null) {
      builder.clientId(s.clientId());
    }
    return builder.build();
  }

  private static TokenCredential interactive(EntraSettings s) {
    InteractiveBrowserCredentialBuilder builder = new InteractiveBrowserCredentialBuilder();
    if (s.tenantId() != null) {
      builder.tenantId(s.tenantId());
    }
    if (s.clientId() != null) {
      builder.clientId(s.clientId());
    }
    return builder.build();
  }

  private static void require(String value, String mode, String property) {
    if (value == null) {
      throw new IllegalArgumentException(mode + " needs the connection property " + property);
    }
  }
}
