/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import io.onelake.auth.CachingTokenCredential;
import io.onelake.auth.StorageCredential;
import io.onelake.testing.AzuriteExtension;
import io.onelake.testing.AzuriteProcess;
import io.onelake.testing.HttpsOAuth;
import io.onelake.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/**
 * Secrets (client secret, password, certificate password, account key, SAS, tokens) never appear in
 * messages, {@code getURL()}, {@code toString()} or the log, also when signing in fails.
 */
@ExtendWith(AzuriteExtension.class)
class SecretRedactionTest {
  private static final String CLIENT_SECRET = "CLIENT-SECRET-1x9";
  private static final String PASSWORD = "PASSWORD-2y8";
  private static final String CERT_PASSWORD = "CERT-PASSWORD-3z7";
  private static final String SAS = "sv=2024-01-01&sig=SAS-SIGNATURE-4w6";
  private static final List<String> SECRETS = List.of(CLIENT_SECRET, PASSWORD, CERT_PASSWORD, "SAS-SIGNATURE-4w6");

  private final AzuriteProcess azurite;

  SecretRedactionTest(@HttpsOAuth AzuriteProcess azurite) {
    this.azurite = azurite;
  }

  /** A credential that refuses, quoting a secret in its message, and prints its secret in toString(). */
  private static final class RefusingCredential implements TokenCredential {
    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
      throw new ClientAuthenticationException("AADSTS7000215: Invalid client secret provided: " + CLIENT_SECRET, null);
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
      return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public String toString() {
      return "RefusingCredential[secret=" + CLIENT_SECRET + "]";
    }
  }

  @Test
  void dataSourceAndCredentialsShowNoSecret() {
    OneLakeDataSource ds = new OneLakeDataSource("jdbc:onelake://Sales/Main;clientSecret=" + CLIENT_SECRET
        + ";sasToken=" + SAS.replace("&", "%26"));
    ds.setPassword(PASSWORD);
    ds.setClientCertificatePassword(CERT_PASSWORD);
    ds.setTokenCredential(new RefusingCredential());
    assertNoSecret(ds.toString());
    assertTrue(ds.toString().contains("clientCertificatePassword=***"), ds.toString());
    assertTrue(ds.toString().contains("tokenCredential=RefusingCredential"), ds.toString());
    assertNoSecret(new CachingTokenCredential(new RefusingCredential()).toString());
    assertNoSecret(StorageCredential.token(new RefusingCredential()).toString());
    assertNoSecret(new ProgrammaticSettings(new RefusingCredential(), null).toString());
  }

  @Test
  void refusedSignInFailsTheConnectWith08004AndNoSecret() {
    OneLakeDataSource ds = new OneLakeDataSource("jdbc:onelake:" + azurite.newContainerUrl("refused") + "/Lake.Lakehouse");
    ds.setClientSecret(CLIENT_SECRET); // the value the credential's message quotes: scrubbed
    ds.setTokenCredential(new RefusingCredential());
    ds.setSslContext(azurite.sslContext());
    String log = capturingStandardError(() -> {
      SQLException e = assertThrows(SQLException.class, ds::getConnection);
      assertEquals("08004", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().startsWith("Sign-in failed with the data source's TokenCredential: AADSTS7000215"), e.getMessage());
      assertNoSecret(e.getMessage());
    });
    assertNoSecret(log);
  }

  @Test
  void tokenRefusedByStorageIs08004WithoutTheToken() {
    String expired = TestTokens.storageJwt(Instant.now().minusSeconds(60));
    OneLakeDataSource ds = new OneLakeDataSource("jdbc:onelake:" + azurite.newContainerUrl("expired") + "/Lake.Lakehouse");
    ds.setAccessToken(expired);
    ds.setSslContext(azurite.sslContext());
    String log = capturingStandardError(() -> {
      // A fixed token is not tried at connect, but the catalog lists the lakehouse's schemas then.
      SQLException e = assertThrows(SQLException.class, ds::getConnection);
      assertEquals("08004", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().startsWith("Authentication failed: "), e.getMessage());
      assertTrue(e.getMessage().contains("HTTP 403 AuthenticationFailed"), e.getMessage());
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains(expired), t.getMessage());
      }
    });
    assertFalse(log.contains(expired), log);
    assertFalse(ds.toString().contains(expired), ds.toString());
  }

  @Test
  void secretsInTheUrlNeverReachGetUrlOrMessages() {
    String url = "jdbc:onelake://Sales/Main;auth=service_principal;tenantId=t;clientId=app;clientSecret=" + CLIENT_SECRET
        + ";clientCertificatePath=/no/cert.pfx;clientCertificatePassword=" + CERT_PASSWORD;
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, new Properties()));
    assertEquals("08004", e.getSQLState());
    assertTrue(e.getMessage().contains("not both"), e.getMessage());
    assertNoSecret(e.getMessage());
    OneLakeUrl parsed = OneLakeUrl.parse(url, new Properties());
    assertEquals("jdbc:onelake://Sales/Main", parsed.displayUrl());
    assertNoSecret(parsed.toString());
    assertEquals("rejected *** and ***", parsed.scrub("rejected " + CLIENT_SECRET + " and " + CERT_PASSWORD));
  }

  private static void assertNoSecret(String text) {
    for (String secret : SECRETS) {
      assertFalse(text.contains(secret), text);
    }
  }

  /** What the driver's SLF4J logging (slf4j-simple in tests) and the driver print to stderr meanwhile. */
  private static String capturingStandardError(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return bytes.toString(UTF_8);
  }
}
