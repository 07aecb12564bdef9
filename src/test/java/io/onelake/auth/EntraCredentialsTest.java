/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.identity.AzureCliCredential;
import com.azure.identity.ClientCertificateCredential;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.DefaultAzureCredential;
import com.azure.identity.DeviceCodeCredential;
import com.azure.identity.DeviceCodeInfo;
import com.azure.identity.InteractiveBrowserCredential;
import com.azure.identity.ManagedIdentityCredential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which azure-identity credential each {@code auth} mode builds, and what it needs. Signing in
 * itself needs Entra ID and is not possible offline; see the live tests.
 */
class EntraCredentialsTest {
  private static final String TENANT = "00000000-0000-0000-0000-0000000000aa";
  private static final String CLIENT = "00000000-0000-0000-0000-0000000000bb";
  private static final String SECRET = "client-secret-VALUE-1";
  private static final Consumer<DeviceCodeInfo> NO_PROMPT = info -> { };

  @Test
  void eachModeBuildsItsCredential() {
    EntraSettings none = EntraSettings.none();
    assertInstanceOf(DefaultAzureCredential.class, EntraCredentials.create(AuthMode.DEFAULT, none, NO_PROMPT));
    assertInstanceOf(DefaultAzureCredential.class,
        EntraCredentials.create(AuthMode.DEFAULT, new EntraSettings(TENANT, CLIENT, null, null, null), NO_PROMPT));
    assertInstanceOf(ClientSecretCredential.class, EntraCredentials.create(AuthMode.SERVICE_PRINCIPAL,
        new EntraSettings(TENANT, CLIENT, SECRET, null, null), NO_PROMPT));
    assertInstanceOf(ManagedIdentityCredential.class, EntraCredentials.create(AuthMode.MANAGED_IDENTITY, none, NO_PROMPT));
    assertInstanceOf(ManagedIdentityCredential.class,
        EntraCredentials.create(AuthMode.MANAGED_IDENTITY, new EntraSettings(null, CLIENT, null, null, null), NO_PROMPT));
    assertInstanceOf(AzureCliCredential.class, EntraCredentials.create(AuthMode.AZURE_CLI, none, NO_PROMPT));
    assertInstanceOf(DeviceCodeCredential.class, EntraCredentials.create(AuthMode.DEVICE_CODE, none, NO_PROMPT));
    assertInstanceOf(InteractiveBrowserCredential.class, EntraCredentials.create(AuthMode.INTERACTIVE,
        new EntraSettings(TENANT, CLIENT, null, null, null), NO_PROMPT));
  }

  @Test
  void servicePrincipalWithCertificate(@TempDir Path dir) throws IOException {
    Path pem = Files.writeString(dir.resolve("app.pem"), "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    Path pfx = Files.write(dir.resolve("app.pfx"), new byte[] {1, 2, 3});
    assertInstanceOf(ClientCertificateCredential.class, EntraCredentials.create(AuthMode.SERVICE_PRINCIPAL,
        new EntraSettings(TENANT, CLIENT, null, pem.toString(), null), NO_PROMPT));
    assertInstanceOf(ClientCertificateCredential.class, EntraCredentials.create(AuthMode.SERVICE_PRINCIPAL,
        new EntraSettings(TENANT, CLIENT, null, pfx.toString(), "pfx-password"), NO_PROMPT));
    assertMessage(new EntraSettings(TENANT, CLIENT, null, pem.toString(), "pem-password"),
        "clientCertificatePassword applies to PKCS#12");
    assertMessage(new EntraSettings(TENANT, CLIENT, SECRET, pem.toString(), null), "not both");
    assertMessage(new EntraSettings(TENANT, CLIENT, null, dir.resolve("missing.pfx").toString(), null),
        "is not a readable file");
    assertMessage(new EntraSettings(TENANT, CLIENT, null, dir.toString(), null), "is not a readable file");
  }

  @Test
  void servicePrincipalNamesWhatIsMissingButNoSecret() {
    assertMessage(new EntraSettings(null, CLIENT, SECRET, null, null), "needs the connection property tenantId");
    assertMessage(new EntraSettings(TENANT, null, SECRET, null, null), "needs the connection property clientId (or user)");
    assertMessage(new EntraSettings(TENANT, CLIENT, null, null, null),
        "needs the connection property clientSecret (or password) or clientCertificatePath");
    assertMessage(new EntraSettings(TENANT, CLIENT, "  ", null, null), "clientSecret (or password)");
  }

  @Test
  void nonEntraModesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EntraCredentials.create(AuthMode.ACCOUNT_KEY, EntraSettings.none(), NO_PROMPT));
    assertTrue(e.getMessage().contains("auth=account_key is not an Entra ID sign-in"), e.getMessage());
  }

  @Test
  void authModeParsing() {
    assertEquals(AuthMode.SERVICE_PRINCIPAL, AuthMode.parse(" Service_Principal "));
    assertEquals(AuthMode.DEVICE_CODE, AuthMode.parse("device_code"));
    assertTrue(AuthMode.DEFAULT.isEntraId());
    assertFalse(AuthMode.SAS.isEntraId());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuthMode.parse("oauth"));
    assertEquals("Invalid auth 'oauth': expected one of none, account_key, sas, token, default, service_principal, "
        + "managed_identity, azure_cli, device_code, interactive", e.getMessage());
  }

  @Test
  void settingsHideSecretsAndTreatBlankAsAbsent() {
    EntraSettings settings = new EntraSettings(TENANT, CLIENT, SECRET, " ", "cert-password-VALUE");
    assertFalse(settings.toString().contains(SECRET), settings.toString());
    assertFalse(settings.toString().contains("cert-password-VALUE"), settings.toString());
    assertTrue(settings.toString().contains("clientSecret=***"), settings.toString());
    assertEquals(null, settings.clientCertificatePath());
  }

  @Test
  void deviceCodePromptGoesToTheTerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DeviceCodePrompt prompt = new DeviceCodePrompt(new PrintStream(bytes, true, UTF_8));
    prompt.accept(new DeviceCodeInfo("ABCD-1234", "device-code-internal", "https://microsoft.com/devicelogin",
        OffsetDateTime.now().plusMinutes(15),
        "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCD-1234"));
    String shown = bytes.toString(UTF_8);
    assertTrue(shown.contains("https://microsoft.com/devicelogin"), shown);
    assertTrue(shown.contains("ABCD-1234"), shown);
    assertFalse(shown.contains("device-code-internal"), "the device code proper is the client's secret: " + shown);

    bytes.reset();
    prompt.accept(new DeviceCodeInfo("WXYZ", "internal", "https://login.example/device", OffsetDateTime.now(), null));
    assertTrue(bytes.toString(UTF_8).contains("open https://login.example/device and enter the code WXYZ"), bytes.toString(UTF_8));
  }

  private static void assertMessage(EntraSettings settings, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EntraCredentials.create(AuthMode.SERVICE_PRINCIPAL, settings, NO_PROMPT));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
  }
}
