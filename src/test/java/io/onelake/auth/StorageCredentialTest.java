/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.TokenRequestContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StorageCredentialTest {
  private static final String KEY = "c2VjcmV0LWtleS1kby1ub3QtbG9n";

  @Test
  void toStringRedactsSecrets() {
    assertEquals("StorageCredential[none]", StorageCredential.none().toString());
    assertEquals("StorageCredential[sharedKey account=devstoreaccount1]",
        StorageCredential.sharedKey("devstoreaccount1", KEY).toString());
    String sas = "?sv=2024-01-01&sig=SECRETSIG";
    assertEquals("StorageCredential[sas]", StorageCredential.sas(sas).toString());
    StorageCredential token = StorageCredential.token(new StaticTokenCredential("opaque-secret-token"));
    assertFalse(token.toString().contains("opaque-secret-token"), token.toString());
    assertTrue(token.toString().startsWith("StorageCredential[token"), token.toString());
  }

  @Test
  void accessorsAndValidation() {
    StorageCredential.SharedKey key = (StorageCredential.SharedKey) StorageCredential.sharedKey("acct", KEY);
    assertEquals("acct", key.accountName());
    assertEquals(KEY, key.accountKey());
    assertEquals("sv=1&sig=x", ((StorageCredential.Sas) StorageCredential.sas("?sv=1&sig=x")).sasToken());
    assertEquals(StorageCredential.sharedKey("acct", KEY), key);
    assertThrows(IllegalArgumentException.class, () -> StorageCredential.sharedKey("", KEY));
    assertThrows(IllegalArgumentException.class, () -> StorageCredential.sas("?"));
    assertThrows(NullPointerException.class, () -> StorageCredential.token(null));
  }

  @Test
  void staticTokenUsesJwtExpiry() {
    long exp = 2_000_000_000L;
    var b64 = Base64.getUrlEncoder().withoutPadding();
    String jwt = b64.encodeToString("{\"alg\":\"none\"}".getBytes(UTF_8)) + "."
        + b64.encodeToString(("{\"aud\":\"https://storage.azure.com\",\"exp\":" + exp + "}").getBytes(UTF_8)) + ".";
    StaticTokenCredential credential = new StaticTokenCredential("Bearer " + jwt);
    assertEquals(Instant.ofEpochSecond(exp).atOffset(ZoneOffset.UTC), credential.expiresAt());
    assertEquals(jwt, credential.getTokenSync(new TokenRequestContext()).getToken());
    assertEquals(jwt, credential.getToken(new TokenRequestContext()).block().getToken());
    assertFalse(credential.toString().contains(jwt));
  }

  @Test
  void opaqueTokenNeverExpires() {
    StaticTokenCredential credential = new StaticTokenCredential("not-a-jwt");
    assertTrue(credential.expiresAt().getYear() > 9000);
    assertThrows(IllegalArgumentException.class, () -> new StaticTokenCredential(" "));
  }
}
