/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.auth;

import java.io.IOException;

/**
 * Storage refused the credential (HTTP 401 or 403), or no access token could be obtained for it.
 * The JDBC layer reports it with the connection/authorization SQLState, wherever in a cause chain it
 * appears. Messages must never contain a secret.
 */
public final class AuthFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  public AuthFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
