/*
 * Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository.
 */
package io.onelake.jdbc;

import com.azure.core.credential.TokenCredential;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Connection settings that are objects rather than strings, so they cannot travel in a URL: a
 * {@link TokenCredential} the application signs in with itself, and the TLS trust for storage
 * requests. They reach the driver through {@link OneLakeDataSource} only.
 */
final class ProgrammaticSettings {
  private static final ProgrammaticSettings NONE = new ProgrammaticSettings(null, null);

  private final TokenCredential tokenCredential;
  private final SSLContext sslContext;

  ProgrammaticSettings(TokenCredential tokenCredential, SSLContext sslContext) {
    this.tokenCredential = tokenCredential;
    this.sslContext = sslContext;
  }

  static ProgrammaticSettings none() {
    return NONE;
  }

  Optional<TokenCredential> tokenCredential() {
    return Optional.ofNullable(tokenCredential);
  }

  Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  @Override
  public String toString() {
    // Only class names: an application's credential may print more than it should.
    return "ProgrammaticSettings[tokenCredential="
        + (tokenCredential == null ? "none" : tokenCredential.getClass().getSimpleName())
        + ", sslContext=" + (sslContext == null ? "default" : "custom") + "]";
  }
}
