/* Licensed under the Apache License, Version 2.0; see the LICENSE file at the top of this repository. */
package io.onelake.storage;

import com.azure.storage.blob.models.BlobStorageException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Maps SDK exceptions to the {@link IOException}s Kernel understands. Messages name the operation,
 * the path and the HTTP status and error code only: the service's message text and request details
 * are left out so that no signature or token can leak into logs.
 */
final class BlobErrors {
  private BlobErrors() {}

  static boolean isNotFound(RuntimeException e) {
    return e instanceof BlobStorageException bse && bse.getStatusCode() == 404;
  }

  /** 409 (BlobAlreadyExists, as Azurite answers) or 412 (ConditionNotMet) on a conditional write. */
  static boolean isConflict(RuntimeException e) {
    return e instanceof BlobStorageException bse
        && (bse.getStatusCode() == 409 || bse.getStatusCode() == 412);
  }

  static IOException toIOException(String operation, String path, RuntimeException e) {
    if (e instanceof BlobStorageException bse) {
      String detail = "HTTP " + bse.getStatusCode() + (bse.getErrorCode() == null ? "" : " " + bse.getErrorCode());
      if (bse.getStatusCode() == 404) {
        FileNotFoundException notFound = new FileNotFoundException(operation + ": not found: " + path + " (" + detail + ")");
        notFound.initCause(e);
        return notFound;
      }
      return new IOException(operation + " failed for " + path + ": " + detail, e);
    }
    if (e instanceof UncheckedIOException uio) {
      return new IOException(operation + " failed for " + path + ": " + uio.getCause().getClass().getSimpleName(), uio.getCause());
    }
    return new IOException(operation + " failed for " + path + ": " + e.getClass().getSimpleName(), e);
  }
}
