/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import io.onelake.auth.AuthFailedException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Maps SDK exceptions of the Blob and the DFS (ADLS Gen2) API to the {@link IOException}s Kernel
 * understands. Both APIs fail with an {@link HttpResponseException}, so the HTTP status and the
 * {@code x-ms-error-code} header are read from the response rather than from the API-specific
 * subclass. Messages name the operation, the path and the HTTP status and error code only: the
 * service's message text and request details are left out so that no signature or token can leak
 * into logs.
 */
final class StorageErrors {
  private static final String ERROR_CODE_HEADER = "x-ms-error-code";

  private StorageErrors() {}

  /** The HTTP status of a service error, or -1 if {@code e} carries no response. */
  static int status(RuntimeException e) {
    if (e instanceof HttpResponseException hre) {
      HttpResponse response = hre.getResponse();
      return response == null ? -1 : response.getStatusCode();
    }
    return -1;
  }

  static boolean isNotFound(RuntimeException e) {
    return status(e) == 404;
  }

  /** 409 (BlobAlreadyExists / PathAlreadyExists) or 412 (ConditionNotMet) on a conditional write. */
  static boolean isConflict(RuntimeException e) {
    int status = status(e);
    return status == 409 || status == 412;
  }

  static IOException toIOException(String operation, String path, RuntimeException e) {
    if (e instanceof ClientAuthenticationException) {
      // No token could be obtained (Entra ID refused the credential, or no credential in the chain
      // applies). azure-identity's message explains which; it names no secret.
      return new AuthFailedException(operation + " failed for " + path + ": no access token: "
          + e.getMessage(), e);
    }
    int status = status(e);
    if (status > 0) {
      String code = ((HttpResponseException) e).getResponse().getHeaderValue(ERROR_CODE_HEADER);
      String detail = "HTTP " + status + (code == null ? "" : " " + code);
      if (status == 404) {
        FileNotFoundException notFound = new FileNotFoundException(operation + ": not found: " + path + " (" + detail + ")");
        notFound.initCause(e);
        return notFound;
      }
      if (status == 401 || status == 403) {
        return new AuthFailedException(operation + " failed for " + path + ": access denied (" + detail
            + "); check the credential and its permissions on the storage", e);
      }
      return new IOException(operation + " failed for " + path + ": " + detail, e);
    }
    if (e instanceof UncheckedIOException uio) {
      return new IOException(operation + " failed for " + path + ": " + uio.getCause().getClass().getSimpleName(), uio.getCause());
    }
    return new IOException(operation + " failed for " + path + ": " + e.getClass().getSimpleName(), e);
  }
}
