/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.Base64;

/**
 * Unsigned JWTs that Azurite's {@code --oauth basic} accepts: it checks the audience, the issuer and
 * the lifetime claims, never the signature.
 */
public final class TestTokens {
  private TestTokens() {}

  /** A storage token valid from a minute ago until {@code expiresAt} (whole seconds, as JWTs count). */
  public static String storageJwt(Instant expiresAt) {
    long now = Instant.now().getEpochSecond();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
    String claims = "{\"aud\":\"https://storage.azure.com\","
        + "\"iss\":\"https://sts.windows.net/00000000-0000-0000-0000-000000000000/\","
        + "\"iat\":" + (now - 60) + ",\"nbf\":" + (now - 60) + ",\"exp\":" + expiresAt.getEpochSecond() + "}";
    return b64.encodeToString(header.getBytes(UTF_8)) + "." + b64.encodeToString(claims.getBytes(UTF_8)) + ".";
  }
}
